package routes.chaos;

/** One order the chaos client places: its id is chosen by the client, so a retried POST is the same order. */
record PlannedOrder(String orderId, String customerId, String sku, int quantity, Kind kind) {

    /** What the order is meant to exercise, and so which outcome is expected of it. */
    enum Kind {
        OK("tok_ok"), DECLINED("tok_declined"), FLAKY("tok_flaky"), TIMEOUT("tok_timeout"), LOW_STOCK("tok_ok");

        final String token;

        Kind(String token) {
            this.token = token;
        }

        /** Orders that complete unless something outside them goes wrong. */
        boolean shouldConfirm() {
            return this == OK || this == FLAKY;
        }
    }

    String json() {
        return "{\"orderId\":\"" + orderId + "\",\"customerId\":\"" + customerId + "\",\"items\":[{\"sku\":\"" + sku
                + "\",\"quantity\":" + quantity + "}],\"paymentToken\":\"" + kind.token + "\"}";
    }
}
