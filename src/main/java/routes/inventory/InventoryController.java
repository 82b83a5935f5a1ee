package routes.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
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
@Tag(name = "Inventory", description = "The catalog: a SKU's price and stock")
class InventoryController {

    private final InventoryStore store;

    InventoryController(InventoryStore store) {
        this.store = store;
    }

    @GetMapping("/{sku}")
    @Operation(summary = "A SKU's price and stock")
    @ApiResponse(responseCode = "200", description = "The SKU")
    @ApiResponse(responseCode = "404", description = "No such SKU (also for a SKU of another shape)")
    StockItem get(@Parameter(schema = @Schema(pattern = Identifiers.PATTERN), example = "SKU-1")
            @PathVariable String sku) {
        if (!Identifiers.wellFormed(sku)) {
            throw new NotFoundException("SKU " + sku + " does not exist");
        }
        return store.find(sku).orElseThrow(() -> new NotFoundException("SKU " + sku + " does not exist"));
    }

    @PutMapping(path = "/{sku}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set a SKU's available count (and its price)", description = "Creates the SKU when new: "
            + "then the price is required. Stock held by orders (reserved) is left as it is")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            schema = @Schema(implementation = StockUpdate.class),
            examples = @ExampleObject(name = "stock", value = "{\"available\": 100, \"price\": 9.99}")))
    @ApiResponse(responseCode = "200", description = "The SKU as stored")
    @ApiResponse(responseCode = "400", description = "A bad field (field names it), a SKU of another shape, or no "
            + "price for a new SKU")
    StockItem put(@Parameter(schema = @Schema(pattern = Identifiers.PATTERN), example = "SKU-1")
            @PathVariable String sku, @Valid @RequestBody StockUpdate update) {
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
