package io.github.speedup.check;

/** The outcome of one check. */
public enum CheckStatus {
    PASS("pass"), FAIL("fail"), IMPROVED("improved"), NOT_COMPARED("not-compared");

    private final String id;

    CheckStatus(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static CheckStatus fromId(String id) {
        for (CheckStatus status : values()) {
            if (status.id.equals(id)) {
                return status;
            }
        }
        throw new IllegalArgumentException(id);
    }
}
