package charon.push;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EndedTest {

    @Test
    void eachCallbackRunsOnceWhenTheConnectionEnds() {
        Ended ended = new Ended();
        List<String> ran = new ArrayList<>();
        ended.add(() -> ran.add("first"));
        ended.add(() -> ran.add("second"));
        assertEquals(List.of(), ran, "nothing before the end");
        ended.run();
        ended.run();
        assertEquals(List.of("first", "second"), ran);
    }

    @Test
    void aCallbackAddedAfterTheEndRunsAtOnce() {
        Ended ended = new Ended();
        ended.run();
        List<String> ran = new ArrayList<>();
        ended.add(() -> ran.add("late"));
        assertEquals(List.of("late"), ran);
    }
}
