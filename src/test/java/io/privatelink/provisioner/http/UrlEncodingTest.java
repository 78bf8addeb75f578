package io.privatelink.provisioner.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlEncodingTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "JobId=job-1", "a=%20b&c=d+e", "n=%E7%AF%80", "x=%00", "Tag.1.Key=%41"})
    void wellFormedEscapesOfUtf8Decode(String encoded) {
        assertTrue(UrlEncoding.isValid(encoded), encoded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "a=%", "a=%Z", "a=%ZZ", "a=%G1", "%%%", "a=%0", "a=%C3%28", "a=%FF", "a=%E2%82"})
    void brokenEscapesOrBytesThatAreNotUtf8DoNot(String encoded) {
        assertFalse(UrlEncoding.isValid(encoded), encoded);
    }
}
