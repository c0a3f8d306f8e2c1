package io.crmkit.core.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import com.tngtech.archunit.core.domain.JavaWildcardType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadFactory;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * crm-core is the model every other module shares: values, state machines and pure math. These
 * rules keep it pure: no storage, logging, I/O, threads, clocks, default locale or floating point.
 *
 * <p>For the modules that come later: their layer test should add
 * {@code noClasses().that().resideOutsideOfPackage("io.crmkit.core..").should().dependOnClassesThat()
 * .resideInAPackage("io.crmkit.core.internal..")} ({@code ..internal..} is free to change, so only
 * crm-core itself may use its internals). Within crm-core there is nothing to check yet.
 */
class CorePurityTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.crmkit.core");

    static final ArchRule NO_STORAGE_OR_HIGHER_LAYERS = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "java.sql..", "javax.sql..", "io.crmkit.spi..", "io.crmkit.rules..", "io.crmkit.jdbc..")
            .because("crm-core is the model every module depends on: storage belongs to the stores behind "
                    + "crm-persistence-spi and rules to crm-rules; a dependency back up the layers would be a cycle");

    static final ArchRule NO_LOGGING = noClasses()
            .should().dependOnClassesThat(resideInAnyPackage("org.slf4j..", "java.util.logging..")
                    .or(belongToAnyOf(System.Logger.class, System.LoggerFinder.class)))
            .because("the model reports problems by throwing, never by logging: log lines would carry personal "
                    + "data of leads and contacts, and a library must not choose its host's logging");

    static final ArchRule NO_FILES_OR_NETWORK = noClasses()
            .should().dependOnClassesThat(resideInAnyPackage("java.net..", "java.nio.file..")
                    // URI is a value: parsing one checks syntax and touches no network.
                    .and(DescribedPredicate.not(belongToAnyOf(java.net.URI.class, java.net.URISyntaxException.class)))
                    .or(belongToAnyOf(File.class, FileInputStream.class, FileOutputStream.class,
                            FileReader.class, FileWriter.class, RandomAccessFile.class)))
            .because("crm-core holds no I/O: hosts and stores bring data in and out, so the model stays a "
                    + "deterministic function of its inputs that runs anywhere, tests included");

    static final ArchRule NO_THREADS = noClasses()
            .should().dependOnClassesThat(belongToAnyOf(Thread.class, ThreadGroup.class, ThreadFactory.class,
                            ForkJoinPool.class, CompletableFuture.class, Timer.class)
                    .or(resideInAPackage("java.util.concurrent").and(simpleNameStartingWith("Executor"))))
            .orShould().callMethodWhere(JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching("parallel(Stream)?")))
            .because("concurrency is the host's and the store's business (transactions, claims, sweeps); a model "
                    + "that started threads would escape their transactions and make results order-dependent");

    static final ArchRule NO_SYSTEM_CLOCK_ZONE_OR_LOCALE = noClasses()
            .should().callCodeUnitWhere(readsTheSystemClockZoneOrLocale())
            .because("time is injected: rules take a java.time.Clock and each tenant has its ZoneId, so "
                    + "\"N days\" means the tenant's calendar days and tests control time; messages and "
                    + "normalised text must not change with the server's default locale");

    static final ArchRule NO_STANDARD_STREAMS = noClasses()
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethodWhere(JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasName.Predicates.name("printStackTrace")))
            .because("a library writing to the console bypasses the host's logging and can leak personal data; "
                    + "errors are thrown with their cause, never printed and swallowed");

    static final ArchRule NO_FLOATING_POINT_TYPES = classes()
            .should(declareNoFloatingPointTypes())
            .because("money and quantities are exact BigDecimal values; a double anywhere in the model invites "
                    + "0.1 + 0.2 errors into amounts that must add up to the cent");

    static final ArchRule NO_FLOATING_POINT_CONVERSIONS = noClasses()
            .should().callMethodWhere(JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching("(double|float)Value")))
            .orShould().callCodeUnitWhere(bigDecimalFromDouble())
            .because("a BigDecimal routed through a double is rounded to binary; amounts stay decimal end to end");

    static final ArchRule NO_GRAB_BAG_NAMES_OUTSIDE_INTERNAL = noClasses()
            .that().resideOutsideOfPackage("..internal..")
            .should().haveSimpleNameContaining("Util")
            .orShould().haveSimpleNameContaining("Manager")
            .orShould().haveSimpleNameContaining("Helper")
            .because("public names come from the domain (claim, assign, allocate); a Util, Manager or Helper "
                    + "outside ..internal.. becomes API that hosts depend on and that grows without a purpose");

    @Test
    void coreDependsOnNoStorageAndNoHigherLayer() {
        NO_STORAGE_OR_HIGHER_LAYERS.check(CORE);
    }

    @Test
    void coreDoesNotLog() {
        NO_LOGGING.check(CORE);
    }

    @Test
    void coreDoesNoFileOrNetworkIo() {
        NO_FILES_OR_NETWORK.check(CORE);
    }

    @Test
    void coreStartsNoThreads() {
        NO_THREADS.check(CORE);
    }

    @Test
    void coreReadsNoSystemClockZoneOrLocale() {
        NO_SYSTEM_CLOCK_ZONE_OR_LOCALE.check(CORE);
    }

    @Test
    void coreNeverWritesToTheConsole() {
        NO_STANDARD_STREAMS.check(CORE);
    }

    @Test
    void coreHasNoFloatingPointFieldsParametersOrReturnTypes() {
        NO_FLOATING_POINT_TYPES.check(CORE);
    }

    @Test
    void coreNeverConvertsDecimalsThroughFloatingPoint() {
        NO_FLOATING_POINT_CONVERSIONS.check(CORE);
    }

    @Test
    void onlyInternalClassesMayBeUtilsManagersOrHelpers() {
        NO_GRAB_BAG_NAMES_OUTSIDE_INTERNAL.check(CORE);
    }

    @Test
    void theImportSeesCrmCoreButNotItsTests() {
        // The rules above pass vacuously on an empty import; make sure it holds the real model.
        assertThat(CORE.contain("io.crmkit.core.money.Money")).isTrue();
        assertThat(CORE.contain("io.crmkit.core.error.CrmException")).isTrue();
        assertThat(CORE.contain(CorePurityTest.class.getName())).isFalse();
    }

    // ------------------------------------------------------------ the rules catch what they should

    /** Code that breaks the purity rules, imported on its own to prove each rule bites. */
    @SuppressWarnings("unused")
    static final class Offender {
        double ratio;

        float scale(BigDecimal value) {
            return value.floatValue();
        }

        List<Double> history() {
            return List.of();
        }

        Instant stamp() {
            return Instant.now();
        }

        Instant stampOnInjectedClock(Clock clock) {
            return Instant.now(clock);
        }

        long millis() {
            return System.currentTimeMillis();
        }

        String lower(String text) {
            return text.toLowerCase();
        }

        String lowerRoot(String text) {
            return text.toLowerCase(Locale.ROOT);
        }

        BigDecimal fromDouble() {
            return BigDecimal.valueOf(0.1);
        }

        void print(Exception e) {
            System.out.println("x");
            e.printStackTrace();
        }

        void start() {
            new Thread(() -> {}).start();
        }

        long sum(List<Long> values) {
            return values.parallelStream().mapToLong(Long::longValue).sum();
        }
    }

    /** Uses the injected clock and explicit locales only. */
    @SuppressWarnings("unused")
    static final class Clean {
        Instant stamp(Clock clock) {
            return Instant.now(clock);
        }

        String lower(String text) {
            return text.toLowerCase(Locale.ROOT);
        }

        BigDecimal sum(BigDecimal a, long b) {
            return a.add(BigDecimal.valueOf(b));
        }
    }

    static final class StringUtil {}

    @Test
    void theRulesReportOffendersAndPassCleanCode() {
        JavaClasses offender = new ClassFileImporter().importClasses(Offender.class);
        JavaClasses clean = new ClassFileImporter().importClasses(Clean.class);
        for (ArchRule rule : List.of(NO_THREADS, NO_SYSTEM_CLOCK_ZONE_OR_LOCALE, NO_STANDARD_STREAMS,
                NO_FLOATING_POINT_TYPES, NO_FLOATING_POINT_CONVERSIONS)) {
            assertThat(rule.evaluate(offender).hasViolation()).as(rule.getDescription()).isTrue();
            assertThat(rule.evaluate(clean).hasViolation()).as(rule.getDescription()).isFalse();
        }
        assertThat(NO_GRAB_BAG_NAMES_OUTSIDE_INTERNAL.evaluate(new ClassFileImporter().importClasses(StringUtil.class))
                .hasViolation()).isTrue();
    }

    @Test
    void theClockRuleNamesEachSystemReadButAllowsTheInjectedClock() {
        List<String> report = NO_SYSTEM_CLOCK_ZONE_OR_LOCALE
                .evaluate(new ClassFileImporter().importClasses(Offender.class)).getFailureReport().getDetails();
        assertThat(String.join("\n", report))
                .contains("Instant.now()", "System.currentTimeMillis()", "String.toLowerCase()")
                .doesNotContain("stampOnInjectedClock", "lowerRoot");
    }

    @Test
    void theFloatingPointRuleNamesFieldsParametersReturnsAndTypeArguments() {
        String report = String.join("\n", NO_FLOATING_POINT_TYPES
                .evaluate(new ClassFileImporter().importClasses(Offender.class)).getFailureReport().getDetails());
        assertThat(report).contains("ratio", "scale", "history");
    }

    // ------------------------------------------------------------ predicates and conditions

    private static final Set<String> TIME_TYPES_WITH_NOW = Set.of(
            "java.time.Instant", "java.time.LocalDate", "java.time.LocalDateTime", "java.time.LocalTime",
            "java.time.ZonedDateTime", "java.time.OffsetDateTime", "java.time.OffsetTime", "java.time.Year",
            "java.time.YearMonth", "java.time.MonthDay");

    /**
     * Calls that read the system clock, the system time zone or the default locale. {@code now(Clock)}
     * is allowed: the clock is injected. Locale-less case conversion and formatting are out too,
     * because they silently use the default locale (the Turkish dotless i).
     */
    private static DescribedPredicate<JavaCall<?>> readsTheSystemClockZoneOrLocale() {
        return DescribedPredicate.describe("reads the system clock, system zone or default locale", call -> {
            String owner = call.getTargetOwner().getName();
            String name = call.getName();
            List<String> params = call.getTarget().getRawParameterTypes().stream().map(JavaClass::getName).toList();
            if (TIME_TYPES_WITH_NOW.contains(owner) && name.equals("now")) {
                return !params.equals(List.of("java.time.Clock"));
            }
            return switch (owner) {
                case "java.time.Clock" -> name.equals("systemUTC") || name.equals("systemDefaultZone") || name.equals("system");
                case "java.lang.System" -> name.equals("currentTimeMillis") || name.equals("nanoTime");
                case "java.time.ZoneId" -> name.equals("systemDefault");
                case "java.util.TimeZone" -> name.equals("getDefault");
                case "java.util.Locale" -> name.equals("getDefault");
                case "java.util.Date" -> name.equals("<init>") && params.isEmpty();
                case "java.lang.String" -> ((name.equals("toLowerCase") || name.equals("toUpperCase")) && params.isEmpty())
                        || name.equals("formatted")
                        || (name.equals("format") && !params.isEmpty() && params.get(0).equals("java.lang.String"));
                default -> false;
            };
        });
    }

    private static DescribedPredicate<JavaCall<?>> bigDecimalFromDouble() {
        return DescribedPredicate.describe("creates a BigDecimal from a double", call ->
                call.getTargetOwner().isEquivalentTo(BigDecimal.class)
                        && (call.getName().equals("<init>") || call.getName().equals("valueOf"))
                        && call.getTarget().getRawParameterTypes().stream()
                                .anyMatch(p -> p.isEquivalentTo(double.class)));
    }

    private static final Set<String> FLOATING_POINT =
            Set.of("double", "float", "java.lang.Double", "java.lang.Float");

    private static ArchCondition<JavaClass> declareNoFloatingPointTypes() {
        return new ArchCondition<>("declare no double, float, Double or Float field, parameter or return type") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaField field : javaClass.getFields()) {
                    report(events, field.getType(), field.getFullName() + " has type " + field.getType().getName());
                }
                for (JavaCodeUnit unit : javaClass.getCodeUnits()) {
                    for (JavaType parameter : unit.getParameterTypes()) {
                        report(events, parameter, unit.getFullName() + " has a parameter of type " + parameter.getName());
                    }
                    if (unit instanceof JavaMethod method) {
                        report(events, method.getReturnType(), unit.getFullName() + " returns " + method.getReturnType().getName());
                    }
                }
            }

            private void report(ConditionEvents events, JavaType type, String message) {
                if (mentionsFloatingPoint(type, new ArrayList<>())) {
                    events.add(SimpleConditionEvent.violated(type, message));
                }
            }
        };
    }

    /** Whether {@code type}, its array component or any of its type arguments is floating point. */
    private static boolean mentionsFloatingPoint(JavaType type, List<JavaType> seen) {
        if (seen.contains(type)) {
            return false;
        }
        seen.add(type);
        if (type instanceof JavaParameterizedType p) {
            return mentionsFloatingPoint(p.toErasure(), seen)
                    || p.getActualTypeArguments().stream().anyMatch(a -> mentionsFloatingPoint(a, seen));
        }
        if (type instanceof JavaWildcardType w) {
            return w.getUpperBounds().stream().anyMatch(b -> mentionsFloatingPoint(b, seen))
                    || w.getLowerBounds().stream().anyMatch(b -> mentionsFloatingPoint(b, seen));
        }
        if (type instanceof JavaTypeVariable<?> v) {
            return mentionsFloatingPoint(v.toErasure(), seen);
        }
        JavaClass raw = type.toErasure();
        Predicate<JavaClass> floating = c -> FLOATING_POINT.contains(c.getName());
        while (raw.isArray()) {
            raw = raw.getComponentType();
        }
        return floating.test(raw);
    }
}
