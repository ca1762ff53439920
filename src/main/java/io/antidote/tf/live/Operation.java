package io.antidote.tf.live;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a lesson schedule request asks for; the numbers are the reference's wire values. */
public enum Operation {
    CREATE(1), DELETE(2), MODIFY(3);

    private final int code;

    Operation(int code) {
        this.code = code;
    }

    @JsonValue
    public int code() {
        return code;
    }

    @JsonCreator
    public static Operation of(int code) {
        for (Operation o : values()) {
            if (o.code == code) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown operation code " + code + " (1 CREATE, 2 DELETE, 3 MODIFY)");
    }
}
