/**
 * JSON for the model: {@link io.crmkit.core.json.CrmJackson} builds (or configures) the Jackson
 * mapper every host and store uses to (de)serialise model types, with exact decimals, ISO dates and
 * closed polymorphism.
 */
package io.crmkit.core.json;
