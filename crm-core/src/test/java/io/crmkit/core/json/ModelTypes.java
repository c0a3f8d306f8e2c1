package io.crmkit.core.json;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The public model types of crm-core, found by importing the compiled main classes (not the tests),
 * so every record, enum and sealed type anyone adds is covered without being listed.
 */
final class ModelTypes {
    static final String ROOT = "io.crmkit.core";

    /** Packages that hold machinery rather than model: errors, validation, JSON and internals. */
    private static final Set<String> NOT_MODEL = Set.of("internal", "error", "validation", "json");

    private static final List<Class<?>> ALL = load();

    private ModelTypes() {}

    /** Every public model record (typed ids included), sorted by name. */
    static List<Class<?>> records() {
        return select(Class::isRecord);
    }

    /** Every public model enum, sorted by name. */
    static List<Class<?>> enums() {
        return select(Class::isEnum);
    }

    /** Every public sealed interface or abstract class of the model, sorted by name. */
    static List<Class<?>> sealedTypes() {
        return select(c -> c.isSealed() && (c.isInterface() || Modifier.isAbstract(c.getModifiers())));
    }

    /** The name without the common package prefix, for test display names. */
    static String shortName(Class<?> c) {
        return c.getName().substring(ROOT.length() + 1).replace('$', '.');
    }

    private static List<Class<?>> select(Predicate<Class<?>> kind) {
        return ALL.stream().filter(kind).toList();
    }

    private static List<Class<?>> load() {
        ClassLoader loader = ModelTypes.class.getClassLoader();
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT)
                .stream()
                .map(JavaClass::getName)
                .filter(name -> isModelPackage(packageOf(name)))
                .<Class<?>>map(name -> {
                    try {
                        return Class.forName(name, false, loader);
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException("imported but not loadable: " + name, e);
                    }
                })
                .filter(ModelTypes::isPublicApi)
                .filter(c -> !c.isSynthetic() && !c.isAnonymousClass() && !c.isLocalClass())
                .sorted(Comparator.comparing(Class::getName))
                .toList();
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    private static boolean isModelPackage(String pkg) {
        return Arrays.stream(pkg.split("\\.")).noneMatch(NOT_MODEL::contains);
    }

    /** Public, and reachable: every enclosing class public too. */
    private static boolean isPublicApi(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }
}
