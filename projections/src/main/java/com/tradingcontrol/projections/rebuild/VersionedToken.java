package com.tradingcontrol.projections.rebuild;

/** A store continuation token tagged with the projection version it belongs to: {@code <version>:<token>}. */
record VersionedToken(int version, String token) {

    String encode() {
        return version + ":" + token;
    }

    static VersionedToken decode(String encoded) {
        int colon = encoded.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("malformed continuation token");
        }
        try {
            return new VersionedToken(Integer.parseInt(encoded.substring(0, colon)), encoded.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed continuation token", e);
        }
    }
}
