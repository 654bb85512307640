package charon.push;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StreamsPerDeviceTest {

    private final StreamsPerDevice<String> devices = new StreamsPerDevice<>(2);

    @Test
    void theNewestStreamOverTheLimitReplacesTheOldest() {
        assertEquals(List.of(), devices.add("192.168.1.20", "a"));
        assertEquals(List.of(), devices.add("192.168.1.20", "b"));
        assertEquals(List.of("a"), devices.add("192.168.1.20", "c"));
        assertEquals(2, devices.count("192.168.1.20"));
        assertEquals(List.of(), devices.add("192.168.1.21", "x"), "another device has its own share");
    }

    @Test
    void joinsRacingTheEndOfTheReplacedStreamEachReplaceAnotherOne() {
        devices.add("192.168.1.20", "a");
        devices.add("192.168.1.20", "b");
        assertEquals(List.of("a"), devices.add("192.168.1.20", "c"));
        // "a" has not been reported ended yet when the next stream joins
        assertEquals(List.of("b"), devices.add("192.168.1.20", "d"));
        devices.remove("a");
        devices.remove("b");
        assertEquals(2, devices.count("192.168.1.20"));
    }

    @Test
    void anEndedStreamFreesItsPlaceAndEndingTwiceIsHarmless() {
        devices.add("192.168.1.20", "a");
        devices.add("192.168.1.20", "b");
        devices.remove("a");
        devices.remove("a");
        assertEquals(List.of(), devices.add("192.168.1.20", "c"));
        assertEquals(2, devices.count("192.168.1.20"));
        devices.remove("b");
        devices.remove("c");
        assertEquals(0, devices.count("192.168.1.20"));
    }

    @Test
    void theServersOwnMachineAndNoLimitCountNothing() {
        for (int i = 0; i < 5; i++) {
            assertEquals(List.of(), devices.add("127.0.0.1", "local" + i));
            assertEquals(List.of(), devices.add("::1", "local6-" + i));
        }
        StreamsPerDevice<String> unlimited = new StreamsPerDevice<>(0);
        for (int i = 0; i < 5; i++) {
            assertEquals(List.of(), unlimited.add("192.168.1.20", "s" + i));
        }
    }
}
