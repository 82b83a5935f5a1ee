package routes.inventory;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The embedded mode's catalog: SKU-1 … SKU-5 with 100 units each, created only where missing so a
 * restart on kept data does not reset stock. Runs after every singleton, the resource bootstrap
 * included, and before Camel starts its routes.
 */
@Component
@ConditionalOnProperty(name = "app.aws.mode", havingValue = "embedded", matchIfMissing = true)
class InventorySeed implements SmartInitializingSingleton {

    static final long UNITS = 100;
    static final Map<String, BigDecimal> PRICES = Map.of(
            "SKU-1", new BigDecimal("9.99"),
            "SKU-2", new BigDecimal("24.50"),
            "SKU-3", new BigDecimal("5.00"),
            "SKU-4", new BigDecimal("120.00"),
            "SKU-5", new BigDecimal("0.75"));

    private final InventoryStore store;

    InventorySeed(InventoryStore store) {
        this.store = store;
    }

    @Override
    public void afterSingletonsInstantiated() {
        PRICES.forEach((sku, price) -> store.seed(sku, UNITS, price));
    }
}
