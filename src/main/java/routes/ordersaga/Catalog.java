package routes.ordersaga;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/** What an order is priced from: implemented by the inventory, read by the order when it is placed. */
public interface Catalog {

    /** The unit price of each known SKU among {@code skus}; unknown ones are left out. */
    Map<String, BigDecimal> prices(Collection<String> skus);
}
