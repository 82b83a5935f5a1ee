package routes.inventory;

import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import routes.api.InvalidFieldException;
import routes.api.NotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@code GET/PUT /api/inventory/{sku}}: a SKU's price and stock, for operations and seeding. */
@RestController
@RequestMapping("/api/inventory")
class InventoryController {

    static final String SKU_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private final InventoryStore store;

    InventoryController(InventoryStore store) {
        this.store = store;
    }

    @GetMapping("/{sku}")
    StockItem get(@PathVariable String sku) {
        if (!sku.matches(SKU_PATTERN)) {
            throw new NotFoundException("SKU " + sku + " does not exist");
        }
        return store.find(sku).orElseThrow(() -> new NotFoundException("SKU " + sku + " does not exist"));
    }

    @PutMapping(path = "/{sku}", consumes = MediaType.APPLICATION_JSON_VALUE)
    StockItem put(@PathVariable String sku, @Valid @RequestBody StockUpdate update) {
        if (!sku.matches(SKU_PATTERN)) {
            throw new InvalidFieldException("sku", "must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        try {
            return store.setStock(sku, update.available(), update.price());
        } catch (ConditionalCheckFailedException newSkuWithoutPrice) {
            throw new InvalidFieldException("price", "is required for a new SKU");
        }
    }
}
