package routes.inventory;

import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import routes.api.Identifiers;
import routes.api.InvalidFieldException;
import routes.api.NotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@code GET/PUT /api/inventory/{sku}}: a SKU's price and stock, for operations and seeding. */
@RestController
@RequestMapping("/api/inventory")
class InventoryController {

    private final InventoryStore store;

    InventoryController(InventoryStore store) {
        this.store = store;
    }

    @GetMapping("/{sku}")
    StockItem get(@PathVariable String sku) {
        if (!Identifiers.wellFormed(sku)) {
            throw new NotFoundException("SKU " + sku + " does not exist");
        }
        return store.find(sku).orElseThrow(() -> new NotFoundException("SKU " + sku + " does not exist"));
    }

    @PutMapping(path = "/{sku}", consumes = MediaType.APPLICATION_JSON_VALUE)
    StockItem put(@PathVariable String sku, @Valid @RequestBody StockUpdate update) {
        if (!Identifiers.wellFormed(sku)) {
            throw new InvalidFieldException("sku", Identifiers.RULE);
        }
        try {
            return store.setStock(sku, update.available(), update.price());
        } catch (ConditionalCheckFailedException newSkuWithoutPrice) {
            throw new InvalidFieldException("price", "is required for a new SKU");
        }
    }
}
