package io.crmkit.rules.product;

import io.crmkit.core.condition.Condition;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.money.UnitPrice;
import io.crmkit.core.product.Product;
import io.crmkit.core.product.ProductId;
import io.crmkit.core.product.ShelfStatus;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.validation.CrmValidation;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.rules.internal.RulesContext;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The product catalogue (产品): products with a name, category, unit and list price, on shelf (上架,
 * on sale) or off shelf (下架). Off-shelf products cannot be added to new quotes or opportunity lines;
 * documents that already have them keep them.
 *
 * <p>Rules every command shares:
 * <ul>
 *   <li><b>Who:</b> only a tenant admin adds products; a product's owner or a tenant admin changes it
 *       and puts it on or takes it off the shelf; every user of the tenant reads the catalogue.</li>
 *   <li><b>Refuse before writing:</b> authorisation, then every input violation at once; a refused
 *       command changes nothing and logs nothing.</li>
 *   <li><b>Change log:</b> every write appends one entry with a stable action code
 *       ({@value #ACTION_CREATE}, {@value #ACTION_UPDATE}, {@value #ACTION_PUT_ON_SHELF},
 *       {@value #ACTION_TAKE_OFF_SHELF}) and the fields that changed.</li>
 *   <li><b>Idempotent repeats:</b> putting an on-shelf product on the shelf, taking an off-shelf one off,
 *       or an update that changes nothing, is a no-op: nothing is written, no entry is logged, and the
 *       product is returned as stored. (A repeat is not an error: two admins withdrawing the same
 *       product at once both get what they asked for.)</li>
 * </ul>
 *
 * <p>Obtained from {@link io.crmkit.rules.Crm#products()}; the constructor is internal.
 */
public final class ProductCatalogue {
    /** Change-log action of {@link #create}. */
    public static final String ACTION_CREATE = "product.create";
    /** Change-log action of {@link #update}. */
    public static final String ACTION_UPDATE = "product.update";
    /** Change-log action of {@link #putOnShelf}. */
    public static final String ACTION_PUT_ON_SHELF = "product.put-on-shelf";
    /** Change-log action of {@link #takeOffShelf}. */
    public static final String ACTION_TAKE_OFF_SHELF = "product.take-off-shelf";

    private final RulesContext rules;

    /** Internal: obtained from {@link io.crmkit.rules.Crm}. */
    public ProductCatalogue(RulesContext rules) {
        this.rules = Checks.required("rules", rules);
    }

    /**
     * Adds a product to the catalogue (change-log entry {@value #ACTION_CREATE} listing every field).
     *
     * @param product what to add; the owner defaults to the actor
     * @return the stored product, version 1
     * @throws io.crmkit.core.error.ForbiddenException unless the actor is a tenant admin
     * @throws ValidationException listing every problem: {@link ErrorCode#FIELD_REQUIRED} on
     *     {@code name} or {@code listPrice}, {@link ErrorCode#FIELD_OUT_OF_RANGE} on a too long
     *     {@code name}, {@code category} or {@code unit}, or on {@code listPrice} with more decimal places
     *     than the tenant's price scale
     */
    public Product create(Actor actor, NewProduct product) {
        return rules.command(actor, cmd -> {
            if (!cmd.actorIsAdmin()) {
                throw cmd.forbidden(ACTION_CREATE, "only a tenant admin may add products to the catalogue");
            }
            if (product == null) {
                throw ValidationException.of("product", ErrorCode.FIELD_REQUIRED);
            }
            List<Violation> violations = new ArrayList<>(CrmValidation.violations(product));
            priceScale(cmd, product.listPrice(), violations);
            throwIfAny(violations);
            Product draft = Product.builder()
                    .id(cmd.tx().products().nextId())
                    .tenantId(cmd.tenant())
                    .name(product.name())
                    .shelfStatus(product.shelfStatus())
                    .category(product.category())
                    .unit(product.unit())
                    .listPrice(product.listPrice())
                    .owner(product.owner() == null ? cmd.actor().userId() : product.owner())
                    .customFields(product.custom())
                    .createdAt(cmd.now())
                    .updatedAt(cmd.now())
                    .build();
            Product stored = cmd.tx().products().insert(draft);
            cmd.log(ref(stored.id()), null, ACTION_CREATE, null, stored, null);
            return stored;
        });
    }

    /**
     * Changes a product's name, category, unit or list price (change-log entry {@value #ACTION_UPDATE}
     * with the fields that changed). Lines already written keep their product name and prices.
     *
     * @return the product as stored afterwards (unchanged, and nothing logged, when the update changes nothing)
     * @throws io.crmkit.core.error.NotFoundException when the tenant has no such product
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns the product or is a tenant admin
     * @throws ValidationException listing every problem: {@link ErrorCode#FIELD_REQUIRED} on
     *     {@code name} for a blank name, {@link ErrorCode#FIELD_OUT_OF_RANGE} for a too long text or a list
     *     price with more decimal places than the tenant's price scale
     */
    public Product update(Actor actor, ProductId id, ProductUpdate update) {
        Checks.required("productId", id);
        return rules.command(actor, cmd -> {
            Product before = load(cmd, id, ACTION_UPDATE);
            if (update == null) {
                throw ValidationException.of("update", ErrorCode.FIELD_REQUIRED);
            }
            List<Violation> violations = new ArrayList<>(CrmValidation.violations(update));
            priceScale(cmd, update.listPrice(), violations);
            throwIfAny(violations);
            Product after = update.applyTo(before);
            throwIfAny(CrmValidation.violations(after));
            return write(cmd, before, after, ACTION_UPDATE);
        });
    }

    /**
     * Puts a product on the shelf (上架), so new quotes and opportunity lines may use it (change-log
     * entry {@value #ACTION_PUT_ON_SHELF}). A product already on the shelf is returned unchanged, with
     * no entry logged.
     *
     * @return the product as stored afterwards
     * @throws io.crmkit.core.error.NotFoundException when the tenant has no such product
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns the product or is a tenant admin
     */
    public Product putOnShelf(Actor actor, ProductId id) {
        return shelve(actor, id, ShelfStatus.ON_SHELF, ACTION_PUT_ON_SHELF);
    }

    /**
     * Takes a product off the shelf (下架): new quotes and opportunity lines refuse it (rule
     * {@code product.off-shelf}), documents that already have it keep it (change-log entry
     * {@value #ACTION_TAKE_OFF_SHELF}). A product already off the shelf is returned unchanged, with no
     * entry logged.
     *
     * @return the product as stored afterwards
     * @throws io.crmkit.core.error.NotFoundException when the tenant has no such product
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns the product or is a tenant admin
     */
    public Product takeOffShelf(Actor actor, ProductId id) {
        return shelve(actor, id, ShelfStatus.OFF_SHELF, ACTION_TAKE_OFF_SHELF);
    }

    /**
     * A product of the actor's tenant; every user of the tenant may read the catalogue.
     *
     * @throws io.crmkit.core.error.NotFoundException when the tenant has no such product
     */
    public Product get(Actor actor, ProductId id) {
        Checks.required("productId", id);
        return rules.command(actor, cmd -> cmd.tx().products().get(cmd.tenant(), id));
    }

    /**
     * One page of the tenant's on-shelf products, in creation order; every user of the tenant may read
     * the catalogue. Pass the returned page's cursor ({@link PageRequest#next}) for the next page.
     *
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} when {@code page} is missing
     */
    public Page<Product> onShelf(Actor actor, PageRequest page) {
        Checks.required("page", page);
        return rules.command(actor, cmd -> cmd.tx().products().query(cmd.tenant(),
                Condition.eq("shelfStatus", new CustomValue.Choice(ShelfStatus.ON_SHELF.name())), cmd.query(), page));
    }

    private Product shelve(Actor actor, ProductId id, ShelfStatus status, String action) {
        Checks.required("productId", id);
        return rules.command(actor, cmd -> {
            Product before = load(cmd, id, action);
            return write(cmd, before, before.withShelfStatus(status), action);
        });
    }

    /** The product, after checking the actor owns it or is a tenant admin. */
    private static Product load(CommandContext cmd, ProductId id, String action) {
        Product product = cmd.tx().products().get(cmd.tenant(), id);
        if (!cmd.actorIs(product.owner()) && !cmd.actorIsAdmin()) {
            throw cmd.forbidden(action, "only the owner of product " + id + " or a tenant admin may change it");
        }
        return product;
    }

    /** Stores {@code changed} stamped now and logs it; a change that changes nothing writes and logs nothing. */
    private static Product write(CommandContext cmd, Product before, Product changed, String action) {
        if (changed.equals(before)) {
            return before;
        }
        Product stored = cmd.tx().products().update(changed.toBuilder().updatedAt(cmd.now()).build());
        cmd.log(ref(stored.id()), null, action, before, stored, null);
        return stored;
    }

    private static void priceScale(CommandContext cmd, UnitPrice price, List<Violation> violations) {
        if (price == null) {
            return;
        }
        int max = cmd.settings().pricing().priceScale();
        int scale = price.amount().stripTrailingZeros().scale();
        if (scale > max) {
            violations.add(Violation.of("listPrice", ErrorCode.FIELD_OUT_OF_RANGE, 0, max,
                    scale + " decimal places"));
        }
    }

    private static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    private static RecordRef ref(ProductId id) {
        return RecordRef.of(RecordType.PRODUCT, id);
    }
}
