package io.switchboard.number.carrier;

import java.util.List;

/** The phone carrier numbers are bought from. The sandbox implements it; a real carrier adapter would too. */
public interface Carrier {

    /** The North American toll-free area codes. */
    java.util.List<String> TOLL_FREE_PREFIXES = java.util.List.of("800", "833", "844", "855", "866", "877", "888");

    /**
     * Local numbers in {@code areaCodes}, or toll-free ones; {@code digits} (already keypad-mapped) must appear in the
     * number when set. {@code cursor} is null for the first page, else the {@link Page#nextCursor()} of the previous one.
     */
    record Search(List<String> areaCodes, boolean tollFree, String digits, int limit, String cursor) {
    }

    /** Numbers in E.164; {@code nextCursor} is null when there are no more ("Load More" ends). */
    record Page(List<String> numbers, String nextCursor) {
    }

    Page search(Search search);

    /** Buys the number; returns the carrier's order id. Throws {@link CarrierException} when it cannot be bought. */
    String purchase(String e164);

    /** Gives the number back to the carrier. */
    void release(String e164);

    class CarrierException extends RuntimeException {
        public CarrierException(String message) {
            super(message);
        }
    }
}
