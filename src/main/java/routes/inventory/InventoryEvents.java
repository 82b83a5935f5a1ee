package routes.inventory;

/** The events the inventory context publishes: their types, declared once. */
public final class InventoryEvents {

    public static final String RESERVED = "inventory.reserved";
    public static final String RELEASED = "inventory.released";

    private InventoryEvents() {}
}
