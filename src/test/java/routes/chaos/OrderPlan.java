package routes.chaos;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The orders of a run and the stock they need: about 70% tok_ok, 15% tok_declined, 5% tok_flaky and
 * 5% tok_timeout on SKUs stocked for every order, and 5% on a SKU stocked for about a quarter of its
 * orders (OUT_OF_STOCK for the rest).
 */
record OrderPlan(List<PlannedOrder> orders, Map<String, Long> startStock, Map<String, BigDecimal> prices) {

    static final String LOW_STOCK_SKU = "CHAOS-LOW";
    private static final List<String> STOCKED_SKUS = List.of("CHAOS-A", "CHAOS-B", "CHAOS-C", "CHAOS-D");
    private static final List<BigDecimal> STOCKED_PRICES = List.of(new BigDecimal("9.99"), new BigDecimal("24.50"),
            new BigDecimal("5.00"), new BigDecimal("120.00"));

    static OrderPlan of(int count, Random random) {
        List<PlannedOrder> orders = new ArrayList<>();
        Map<String, Long> demand = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            PlannedOrder.Kind kind = kind(random.nextInt(100));
            String sku = kind == PlannedOrder.Kind.LOW_STOCK ? LOW_STOCK_SKU : STOCKED_SKUS.get(random.nextInt(STOCKED_SKUS.size()));
            int quantity = 1 + random.nextInt(3);
            orders.add(new PlannedOrder(String.format("chaos-%05d", i), "customer-" + (i % 50), sku, quantity, kind));
            demand.merge(sku, (long) quantity, Long::sum);
        }
        Map<String, Long> stock = new LinkedHashMap<>();
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        for (int i = 0; i < STOCKED_SKUS.size(); i++) {
            stock.put(STOCKED_SKUS.get(i), demand.getOrDefault(STOCKED_SKUS.get(i), 0L) + 10);
            prices.put(STOCKED_SKUS.get(i), STOCKED_PRICES.get(i));
        }
        stock.put(LOW_STOCK_SKU, Math.max(2, demand.getOrDefault(LOW_STOCK_SKU, 0L) / 4));
        prices.put(LOW_STOCK_SKU, new BigDecimal("3.25"));
        return new OrderPlan(List.copyOf(orders), stock, prices);
    }

    private static PlannedOrder.Kind kind(int percentile) {
        if (percentile < 70) {
            return PlannedOrder.Kind.OK;
        }
        if (percentile < 85) {
            return PlannedOrder.Kind.DECLINED;
        }
        if (percentile < 90) {
            return PlannedOrder.Kind.FLAKY;
        }
        return percentile < 95 ? PlannedOrder.Kind.TIMEOUT : PlannedOrder.Kind.LOW_STOCK;
    }
}
