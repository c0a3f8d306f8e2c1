package io.crmkit.spi.product;

import io.crmkit.core.product.Product;
import io.crmkit.core.product.ProductId;
import io.crmkit.spi.RecordStore;

/** Products. The contract is {@link RecordStore}'s. */
public interface ProductStore extends RecordStore<Product, ProductId> {
}
