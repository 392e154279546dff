/**
 * Shop: the merchandise store: products with variants and stock, carts, orders and discount codes. Owns products, product_variants, carts, cart_items, orders, order_items, discount_codes.
 * Its tables are created by the migrations in {@code db/migration/shop}; its features come with their issues.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "common :: web", "identity", "media", "organization", "payment"})
package id.modo.verse.shop;
