package charon.push;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Writes a pre-encoded SSE event to a display's stream: its bytes, in one write, nothing else to do per display. */
@Provider
@Produces(MediaType.SERVER_SENT_EVENTS)
public class EncodedSseEventWriter implements MessageBodyWriter<EncodedSseEvent> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == EncodedSseEvent.class;
    }

    @Override
    public void writeTo(EncodedSseEvent event, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream)
            throws IOException {
        entityStream.write(event.wire());
    }
}
