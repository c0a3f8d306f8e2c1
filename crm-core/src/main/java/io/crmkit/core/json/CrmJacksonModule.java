package io.crmkit.core.json;

import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * The library's own Jackson module: serializers and deserializers the model types cannot express
 * with annotations alone.
 *
 * <p>Today every model type maps itself: records through their canonical constructors, typed ids as
 * plain strings ({@code @JsonValue} / delegating {@code @JsonCreator}), closed hierarchies through
 * {@code @JsonTypeInfo(use = NAME)} with named subtypes. The module is registered by
 * {@link CrmJackson} anyway, so a model type that ever needs a custom (de)serializer gets it here and
 * every host picks it up without changing its set-up.
 */
public class CrmJacksonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** The name under which the module registers (Jackson registers a module name only once). */
    public static final String NAME = "crmkit";

    /** Creates the module. */
    public CrmJacksonModule() {
        super(NAME);
    }
}
