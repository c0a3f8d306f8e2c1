/** The product catalogue: products on and off shelf, with category, unit and list price. */
package io.crmkit.rules.product;
