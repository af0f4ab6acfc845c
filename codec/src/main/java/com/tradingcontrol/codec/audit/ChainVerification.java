package com.tradingcontrol.codec.audit;

/** Result of walking one audit chain: intact with a record count, or the first broken link. */
public sealed interface ChainVerification permits ChainVerification.Intact, ChainVerification.Broken {

    String chainId();

    boolean isIntact();

    /** What kind of damage a broken link shows. */
    enum Kind {
        /** The record's content no longer matches its hash. */
        ALTERED,
        /** The record does not follow its predecessor: a sequence gap, or prevHash not equal to the previous hash. */
        MISSING_OR_REORDERED,
        /** The record names another chain. */
        WRONG_CHAIN
    }

    /** @param records number of records verified */
    record Intact(String chainId, long records, ChainHead head) implements ChainVerification {
        @Override
        public boolean isIntact() {
            return true;
        }
    }

    /**
     * @param chainSequence the sequence the broken record carries
     * @param offset        where it was read (see {@link AuditEntry#offset})
     * @param expected      what the verifier expected (a hash, a sequence or a chain id, as text)
     * @param actual        what the record holds
     */
    record Broken(String chainId, long chainSequence, long offset, Kind kind, String expected, String actual)
            implements ChainVerification {
        @Override
        public boolean isIntact() {
            return false;
        }

        public String describe() {
            return chainId + " broken at sequence " + chainSequence + " (offset " + offset + "): " + kind
                    + ", expected " + expected + " but found " + actual;
        }
    }
}
