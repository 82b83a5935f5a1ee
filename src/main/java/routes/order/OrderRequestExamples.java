package routes.order;

/**
 * Bodies of {@code POST /api/orders} for the API document, one per path of the simulated payment provider and
 * the out-of-stock one. Sendable as they are, again and again: without an order id each is a new order.
 */
final class OrderRequestExamples {

    static final String TOK_OK = """
            {"customerId": "c-1", "items": [{"sku": "SKU-1", "quantity": 2}], "paymentToken": "tok_ok"}""";
    static final String TOK_DECLINED = """
            {"customerId": "c-1", "items": [{"sku": "SKU-2", "quantity": 1}], "paymentToken": "tok_declined"}""";
    static final String TOK_FLAKY = """
            {"customerId": "c-1", "items": [{"sku": "SKU-3", "quantity": 1}], "paymentToken": "tok_flaky"}""";
    static final String TOK_TIMEOUT = """
            {"customerId": "c-1", "items": [{"sku": "SKU-4", "quantity": 1}], "paymentToken": "tok_timeout"}""";
    /** More than the 100 units the embedded mode seeds. */
    static final String OUT_OF_STOCK = """
            {"customerId": "c-1", "items": [{"sku": "SKU-5", "quantity": 10000}], "paymentToken": "tok_ok"}""";
    /** With an order id: the idempotency key (the same body again answers 200, another body 409). */
    static final String WITH_ORDER_ID = """
            {"orderId": "o-1", "customerId": "c-1", "items": [{"sku": "SKU-1", "quantity": 1}], "paymentToken": "tok_ok"}""";

    private OrderRequestExamples() {}
}
