package io.crmkit.core.json;

import io.crmkit.core.record.RecordId;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Builds valid sample instances of model types by reflection, for the JSON round-trip test, so a
 * new record is covered without anyone listing it.
 *
 * <p>A record is built through its canonical constructor from a short list of candidate values per
 * component; the first is the preferred, "full" value (every optional field set, every collection
 * one element long), the others are there to satisfy the record's own invariants: other enum
 * constants, {@code null}, an empty collection, a later instant, a zero or matching amount. When the
 * preferred assignment is rejected (cross-field rules: status-dependent fields, totals that must add
 * up, an owner that may be missing only in a pool), the search tries every assignment that changes
 * one or two components, then climbs towards a valid one guided by how far the constructor got (see
 * {@code Search}). If nothing is accepted it tries the record's {@code builder().build()} defaults,
 * and otherwise gives up with a {@link SampleException} that names the record and the constructor's
 * complaint about the preferred assignment. Explicitly registered samples always win.
 */
final class ModelSamples {
    /** Constructor calls tried per record before giving up. */
    private static final int MAX_ATTEMPTS = 20_000;
    /** Distinct valid instances kept per record, offered as candidates to the records that contain it. */
    private static final int MAX_VARIANTS = 6;
    /** Element candidates offered per collection. */
    private static final int MAX_ELEMENT_CANDIDATES = 3;

    static final Instant INSTANT = Instant.parse("2026-01-02T03:04:05Z");
    static final LocalDate DATE = LocalDate.of(2026, 1, 2);

    private final Map<Class<?>, Supplier<?>> explicit;
    private final Map<Class<?>, List<?>> moreCandidates;
    private final Map<Class<?>, List<Object>> found = new HashMap<>();
    private final Map<Class<?>, SampleException> failed = new HashMap<>();
    private final Set<Class<?>> inProgress = new LinkedHashSet<>();
    private int recursionHits;

    /**
     * @param explicit hand-made samples that replace generation for their type
     * @param moreCandidates extra values the search may try for a type besides its sample
     */
    ModelSamples(Map<Class<?>, Supplier<?>> explicit, Map<Class<?>, List<?>> moreCandidates) {
        this.explicit = Map.copyOf(explicit);
        this.moreCandidates = Map.copyOf(moreCandidates);
    }

    /** Thrown when no valid instance of a type could be built; the message says which and why. */
    static class SampleException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SampleException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A type refers to itself (a condition tree); the caller picks a non-recursive alternative. */
    static final class RecursionException extends SampleException {
        private static final long serialVersionUID = 1L;

        RecursionException(Class<?> type) {
            super("recursive reference to " + type.getName(), null);
        }
    }

    /** The preferred valid instance of {@code type} (a record, enum, sealed type or known value type). */
    Object sample(Class<?> type) {
        return values(type, "").get(0);
    }

    /**
     * One preferred instance per permitted subtype of the sealed {@code type}, flattening nested
     * sealed types (an enum subtype contributes its first constant).
     */
    Map<Class<?>, Object> samplesPerPermittedSubtype(Class<?> type) {
        Map<Class<?>, Object> result = new LinkedHashMap<>();
        for (Class<?> leaf : permittedLeaves(type)) {
            result.put(leaf, sample(leaf));
        }
        return result;
    }

    /** The concrete (non-sealed) subtypes of a sealed type, in declaration order. */
    static List<Class<?>> permittedLeaves(Class<?> type) {
        List<Class<?>> leaves = new ArrayList<>();
        for (Class<?> p : type.getPermittedSubclasses()) {
            if (p.isSealed()) {
                leaves.addAll(permittedLeaves(p));
            } else {
                leaves.add(p);
            }
        }
        return leaves;
    }

    // ---------------------------------------------------------------- candidates per type

    /** Candidate values of a component: the non-null candidates, then null unless primitive. */
    private List<Object> candidates(Type type, String name) {
        List<Object> values = new ArrayList<>(values(type, name));
        if (!(type instanceof Class<?> c && c.isPrimitive())) {
            values.add(null);
        }
        return values;
    }

    /** Non-null candidate values of {@code type}, the preferred first; never empty. */
    private List<Object> values(Type type, String name) {
        if (type instanceof Class<?> c) {
            return valuesOfClass(c, name);
        }
        if (type instanceof ParameterizedType p) {
            return valuesOfParameterized(p, name);
        }
        if (type instanceof WildcardType w) {
            return values(w.getUpperBounds()[0], name);
        }
        if (type instanceof TypeVariable<?> v) {
            Type bound = v.getBounds()[0];
            if (bound == Object.class) {
                throw new SampleException("type variable " + v + " of " + name
                        + " has no bound to generate from; JSON cannot read such a value back", null);
            }
            return values(bound, name);
        }
        if (type instanceof GenericArrayType a) {
            Type component = a.getGenericComponentType();
            Class<?> raw = rawClass(component);
            return List.of(arrayOf(raw, values(component, name).get(0)));
        }
        throw new SampleException("cannot generate a value of type " + type, null);
    }

    private List<Object> valuesOfClass(Class<?> c, String name) {
        Supplier<?> supplier = explicit.get(c);
        if (supplier != null) {
            List<Object> values = new ArrayList<>();
            values.add(supplier.get());
            values.addAll(moreCandidates.getOrDefault(c, List.of()));
            return values;
        }
        List<Object> known = knownValues(c, name);
        if (known != null) {
            return known;
        }
        if (c.isEnum()) {
            return List.of(c.getEnumConstants());
        }
        if (c.isArray()) {
            return List.of(arrayOf(c.getComponentType(), values(c.getComponentType(), name).get(0)));
        }
        if (c.isRecord() || c.isSealed()) {
            return recordOrSealedValues(c);
        }
        throw new SampleException("cannot generate a value of " + c.getName() + " (" + name
                + "): not a record, enum, sealed type or known value type; register an explicit sample", null);
    }

    private static Object arrayOf(Class<?> componentType, Object element) {
        Object array = Array.newInstance(componentType, 1);
        Array.set(array, 0, element);
        return array;
    }

    /** Fixed values of JDK types; the alternatives exist to satisfy ordering and range rules. */
    private static List<Object> knownValues(Class<?> c, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (c == String.class) {
            if (lower.contains("email") || lower.contains("mail")) {
                return List.of("v1@example.com", "v1");
            }
            if (lower.contains("phone") || lower.contains("mobile")) {
                return List.of("13800138000", "v1");
            }
            if (lower.contains("url") || lower.contains("website")) {
                return List.of("https://example.com/v1", "v1");
            }
            return List.of("v1", "v2");
        }
        if (c == int.class || c == Integer.class) {
            return List.of(1, 0, 10, 100);
        }
        if (c == long.class || c == Long.class) {
            return List.of(1L, 0L, 10L, 100L);
        }
        if (c == short.class || c == Short.class) {
            return List.of((short) 1, (short) 0);
        }
        if (c == byte.class || c == Byte.class) {
            return List.of((byte) 1, (byte) 0);
        }
        if (c == boolean.class || c == Boolean.class) {
            return List.of(true, false);
        }
        if (c == char.class || c == Character.class) {
            return List.of('v');
        }
        if (c == double.class || c == Double.class) {
            return List.of(1.5d, 0d);
        }
        if (c == float.class || c == Float.class) {
            return List.of(1.5f, 0f);
        }
        if (c == BigDecimal.class) {
            return List.of(new BigDecimal("2"), BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("100"), new BigDecimal("0.5"));
        }
        if (c == BigInteger.class) {
            return List.of(BigInteger.TWO, BigInteger.ZERO);
        }
        if (c == Instant.class) {
            return List.of(INSTANT, INSTANT.plus(Duration.ofDays(7)));
        }
        if (c == LocalDate.class) {
            return List.of(DATE, DATE.plusMonths(1));
        }
        if (c == LocalDateTime.class) {
            return List.of(LocalDateTime.of(DATE, LocalTime.of(3, 4, 5)), LocalDateTime.of(DATE.plusDays(7), LocalTime.of(3, 4, 5)));
        }
        if (c == LocalTime.class) {
            return List.of(LocalTime.of(9, 0), LocalTime.of(18, 0));
        }
        if (c == OffsetDateTime.class) {
            return List.of(OffsetDateTime.of(2026, 1, 2, 11, 4, 5, 0, ZoneOffset.ofHours(8)));
        }
        if (c == ZonedDateTime.class) {
            return List.of(ZonedDateTime.of(2026, 1, 2, 11, 4, 5, 0, ZoneId.of("Asia/Shanghai")));
        }
        if (c == Year.class) {
            return List.of(Year.of(2026));
        }
        if (c == YearMonth.class) {
            return List.of(YearMonth.of(2026, 1), YearMonth.of(2026, 2));
        }
        if (c == MonthDay.class) {
            return List.of(MonthDay.of(1, 2));
        }
        if (c == Duration.class) {
            return List.of(Duration.ofHours(1), Duration.ofDays(1), Duration.ZERO);
        }
        if (c == Period.class) {
            return List.of(Period.ofDays(1), Period.ZERO);
        }
        if (c == ZoneOffset.class) {
            return List.of(ZoneOffset.ofHours(8));
        }
        if (c == ZoneId.class) {
            return List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("UTC"));
        }
        if (c == Currency.class) {
            return List.of(Currency.getInstance("CNY"));
        }
        if (c == Locale.class) {
            return List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
        }
        if (c == UUID.class) {
            return List.of(UUID.fromString("00000000-0000-0000-0000-000000000001"));
        }
        if (c == URI.class) {
            return List.of(URI.create("https://example.com/v1"));
        }
        return null;
    }

    private List<Object> valuesOfParameterized(ParameterizedType p, String name) {
        Class<?> raw = rawClass(p);
        Type[] args = p.getActualTypeArguments();
        if (raw == Optional.class) {
            // Forbidden as a component by the conventions; generated anyway so the round trip says why.
            return List.of(Optional.of(values(args[0], name).get(0)), Optional.empty());
        }
        if (Map.class.isAssignableFrom(raw)) {
            return mapValues(raw, args[0], args[1], name);
        }
        if (Collection.class.isAssignableFrom(raw) || raw == Iterable.class) {
            return collectionValues(raw, args[0], name);
        }
        // A generic record or sealed type: type variables resolve to their bounds.
        return values(raw, name);
    }

    private List<Object> collectionValues(Class<?> raw, Type elementType, String name) {
        List<Object> elements = elementCandidates(elementType, name + "[]");
        List<Object> result = new ArrayList<>();
        for (Object e : elements) {
            result.add(collection(raw, List.of(e)));
        }
        result.add(collection(raw, List.of()));
        return result;
    }

    private static Object collection(Class<?> raw, List<Object> elements) {
        if (SortedSet.class.isAssignableFrom(raw) || NavigableSet.class.isAssignableFrom(raw)) {
            return new TreeSet<>(elements);
        }
        if (Set.class.isAssignableFrom(raw)) {
            return new LinkedHashSet<>(elements);
        }
        return new ArrayList<>(elements);
    }

    private List<Object> mapValues(Class<?> raw, Type keyType, Type valueType, String name) {
        Object key = values(keyType, name + "{}").get(0);
        List<Object> result = new ArrayList<>();
        for (Object v : elementCandidates(valueType, name + "[]")) {
            result.add(map(raw, key, v));
        }
        result.add(map(raw, null, null));
        return result;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object map(Class<?> raw, Object key, Object value) {
        Map<Object, Object> m = new LinkedHashMap<>();
        if (key != null) {
            m.put(key, value);
        }
        if (SortedMap.class.isAssignableFrom(raw) || NavigableMap.class.isAssignableFrom(raw)) {
            return new TreeMap<>(m);
        }
        if (EnumMap.class.isAssignableFrom(raw)) {
            return m.isEmpty() ? new HashMap<>() : new EnumMap(m);
        }
        return m;
    }

    /**
     * Up to a few element candidates; none when the element type refers back to a type being built
     * (a condition tree inside a condition), so only the empty collection is offered.
     */
    private List<Object> elementCandidates(Type elementType, String name) {
        try {
            List<Object> values = values(elementType, name);
            return values.subList(0, Math.min(values.size(), MAX_ELEMENT_CANDIDATES));
        } catch (RecursionException e) {
            return List.of();
        }
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType a) {
            return Array.newInstance(rawClass(a.getGenericComponentType()), 0).getClass();
        }
        if (type instanceof WildcardType w) {
            return rawClass(w.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?> v) {
            return rawClass(v.getBounds()[0]);
        }
        return Object.class;
    }

    // ---------------------------------------------------------------- records and sealed types

    private List<Object> recordOrSealedValues(Class<?> c) {
        List<Object> known = found.get(c);
        if (known != null) {
            return known;
        }
        SampleException failure = failed.get(c);
        if (failure != null) {
            throw failure;
        }
        if (inProgress.contains(c)) {
            recursionHits++;
            throw new RecursionException(c);
        }
        int hitsBefore = recursionHits;
        inProgress.add(c);
        try {
            List<Object> values = c.isSealed() ? sealedValues(c) : recordValues(c);
            found.put(c, values);
            return values;
        } catch (RecursionException e) {
            throw e;
        } catch (SampleException e) {
            // A failure that did not depend on what was being built around it is final.
            if (recursionHits == hitsBefore) {
                failed.put(c, e);
            }
            throw e;
        } finally {
            inProgress.remove(c);
        }
    }

    private List<Object> sealedValues(Class<?> sealed) {
        List<Object> values = new ArrayList<>();
        SampleException firstFailure = null;
        for (Class<?> leaf : permittedLeaves(sealed)) {
            try {
                values.add(values(leaf, leaf.getSimpleName()).get(0));
            } catch (SampleException e) {
                if (firstFailure == null && !(e instanceof RecursionException)) {
                    firstFailure = e;
                }
            }
        }
        if (values.isEmpty()) {
            if (firstFailure != null) {
                throw firstFailure;
            }
            throw new RecursionException(sealed);
        }
        return values;
    }

    private List<Object> recordValues(Class<?> rc) {
        if (RecordId.class.isAssignableFrom(rc)) {
            return List.of(id(rc, "id1"), id(rc, "id2"));
        }
        RecordComponent[] components = rc.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<?> constructor;
        try {
            constructor = rc.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new SampleException(rc.getName() + ": no canonical constructor", e);
        }
        List<List<Object>> candidates = new ArrayList<>();
        for (RecordComponent component : components) {
            try {
                candidates.add(candidates(component.getGenericType(), component.getName()));
            } catch (RecursionException e) {
                if (component.getType().isPrimitive()) {
                    throw e;
                }
                // A self-reference (a parent node) can only be absent at the leaves of a tree.
                List<Object> onlyNull = new ArrayList<>();
                onlyNull.add(null);
                candidates.add(onlyNull);
            } catch (SampleException e) {
                throw new SampleException(rc.getName() + "." + component.getName() + ": " + e.getMessage(), e);
            }
        }
        Search search = new Search(constructor, candidates);
        int[] assignment = search.firstAccepted();
        if (assignment != null) {
            return search.variantsAround(assignment);
        }
        Object fromBuilder = fromBuilderDefaults(rc);
        if (fromBuilder != null) {
            return List.of(fromBuilder);
        }
        throw new SampleException("cannot build a valid " + rc.getName() + " from generated values ("
                + search.attempts + " assignments tried; the preferred one failed with "
                + search.firstFailure + "); give it a builder() whose defaults build, or register an explicit"
                + " sample in ModelJsonRoundTripTest.SAMPLES", search.firstFailure);
    }

    private static Object id(Class<?> idType, String text) {
        try {
            Method of = idType.getMethod("of", String.class);
            if (Modifier.isStatic(of.getModifiers()) && idType.isAssignableFrom(of.getReturnType())) {
                return of.invoke(null, text);
            }
            Constructor<?> c = idType.getDeclaredConstructor(String.class);
            c.setAccessible(true);
            return c.newInstance(text);
        } catch (ReflectiveOperationException e) {
            throw new SampleException(idType.getName() + ": a typed id needs a static of(String) or a (String) constructor", e);
        }
    }

    /** {@code builder().build()} with the builder's defaults, or null when there is none or it fails. */
    private static Object fromBuilderDefaults(Class<?> rc) {
        try {
            Method builder = rc.getMethod("builder");
            if (!Modifier.isStatic(builder.getModifiers()) || builder.getParameterCount() != 0) {
                return null;
            }
            Object b = builder.invoke(null);
            Method build = builder.getReturnType().getMethod("build");
            build.setAccessible(true);
            Object built = build.invoke(b);
            return rc.isInstance(built) ? built : null;
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            return null;
        }
    }

    /**
     * Tries assignments of candidate values to a record's canonical constructor.
     *
     * <p>First every assignment that changes at most {@link #EXHAUSTIVE_CHANGES} components from the
     * preferred values (finds the fullest valid instance when one or two rules bite). Records with
     * many interlocking rules (an order whose lines, totals, delivery times, returns and invoices
     * must agree) need more changes than that; for them the search climbs: from the preferred
     * assignment, and again from the sparsest one (every nullable component null), it repeatedly
     * takes the one- or two-component change that lets the constructor get furthest before it
     * throws. "Furthest" is read from the stack trace of the rejection: the line numbers of the
     * constructor and of the record's own package's helpers, compared in call order. Validation
     * in a compact constructor runs top to bottom, so passing a later check is progress.
     */
    private static final class Search {
        private static final int EXHAUSTIVE_CHANGES = 2;

        private final Constructor<?> constructor;
        private final Class<?> record;
        private final List<List<Object>> candidates;
        private final int[] sizes;
        int attempts;
        Throwable firstFailure;

        Search(Constructor<?> constructor, List<List<Object>> candidates) {
            this.constructor = constructor;
            this.record = constructor.getDeclaringClass();
            this.candidates = candidates;
            this.sizes = candidates.stream().mapToInt(List::size).toArray();
        }

        /** An accepted assignment, preferring few changes from the preferred values; null if none found. */
        int[] firstAccepted() {
            int[] assignment = new int[sizes.length];
            for (int changes = 0; changes <= Math.min(EXHAUSTIVE_CHANGES, sizes.length) && attempts < MAX_ATTEMPTS; changes++) {
                if (acceptedWith(assignment, 0, changes)) {
                    return assignment;
                }
            }
            int[] climbed = climbFrom(new int[sizes.length]);
            if (climbed != null) {
                return climbed;
            }
            int[] sparsest = new int[sizes.length];
            for (int i = 0; i < sizes.length; i++) {
                if (candidates.get(i).get(sizes[i] - 1) == null) {
                    sparsest[i] = sizes[i] - 1;
                }
            }
            return climbFrom(sparsest);
        }

        private boolean acceptedWith(int[] assignment, int from, int changes) {
            if (changes == 0) {
                return attempts < MAX_ATTEMPTS && attempt(assignment).accepted();
            }
            for (int position = from; position < sizes.length && attempts < MAX_ATTEMPTS; position++) {
                for (int choice = 1; choice < sizes[position]; choice++) {
                    assignment[position] = choice;
                    if (acceptedWith(assignment, position + 1, changes - 1)) {
                        return true;
                    }
                }
                assignment[position] = 0;
            }
            return false;
        }

        private int[] climbFrom(int[] start) {
            int[] current = start.clone();
            Outcome outcome = attempt(current);
            while (!outcome.accepted() && attempts < MAX_ATTEMPTS) {
                Step step = bestStep(current, outcome, false);
                if (step == null) {
                    step = bestStep(current, outcome, true);
                }
                if (step == null) {
                    return null;
                }
                current = step.assignment();
                outcome = step.outcome();
            }
            return outcome.accepted() ? current : null;
        }

        private record Step(int[] assignment, Outcome outcome) {}

        /** The change of one (or two) components that gets furthest, or null when none gets further. */
        private Step bestStep(int[] current, Outcome reached, boolean pairs) {
            Step best = null;
            Outcome bar = reached;
            for (int p = 0; p < sizes.length; p++) {
                for (int q = pairs ? p + 1 : p; q < (pairs ? sizes.length : p + 1); q++) {
                    for (int cp = 0; cp < sizes[p]; cp++) {
                        for (int cq = 0; cq < (pairs ? sizes[q] : 1); cq++) {
                            if (attempts >= MAX_ATTEMPTS || cp == current[p] || (pairs && cq == current[q])) {
                                continue;
                            }
                            int[] next = current.clone();
                            next[p] = cp;
                            if (pairs) {
                                next[q] = cq;
                            }
                            Outcome outcome = attempt(next);
                            if (outcome.accepted()) {
                                return new Step(next, outcome);
                            }
                            if (outcome.isFurtherThan(bar)) {
                                best = new Step(next, outcome);
                                bar = outcome;
                            }
                        }
                    }
                }
            }
            return best;
        }

        /** The accepted instance for {@code accepted} followed by distinct accepted one-change neighbours. */
        List<Object> variantsAround(int[] accepted) {
            List<Object> variants = new ArrayList<>();
            variants.add(attempt(accepted).built());
            int maxSize = Arrays.stream(sizes).max().orElse(0);
            // Round-robin over the components, so the variants differ in many components rather than in the first few.
            for (int rank = 0; rank < maxSize && variants.size() < MAX_VARIANTS; rank++) {
                for (int position = 0; position < sizes.length && variants.size() < MAX_VARIANTS; position++) {
                    if (rank >= sizes[position] || rank == accepted[position]) {
                        continue;
                    }
                    int[] neighbour = accepted.clone();
                    neighbour[position] = rank;
                    Object built = attempt(neighbour).built();
                    if (built != null && !variants.contains(built)) {
                        variants.add(built);
                    }
                }
            }
            return List.copyOf(variants);
        }

        private Outcome attempt(int[] assignment) {
            attempts++;
            Object[] args = new Object[assignment.length];
            for (int i = 0; i < assignment.length; i++) {
                args[i] = candidates.get(i).get(assignment[i]);
            }
            try {
                return new Outcome(constructor.newInstance(args), null);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                if (firstFailure == null) {
                    firstFailure = e.getCause();
                }
                return new Outcome(null, positionOf(e.getCause()));
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                if (firstFailure == null) {
                    firstFailure = e;
                }
                return new Outcome(null, new int[0]);
            }
        }

        /**
         * Where in the record's constructor the rejection happened: the line numbers of the frames from
         * the constructor inwards that belong to the record's package (its own helpers), outermost first.
         */
        private int[] positionOf(Throwable rejection) {
            StackTraceElement[] frames = rejection.getStackTrace();
            int constructorFrame = -1;
            for (int i = frames.length - 1; i >= 0; i--) {
                if (frames[i].getClassName().equals(record.getName()) && frames[i].getMethodName().equals("<init>")) {
                    constructorFrame = i;
                    break;
                }
            }
            if (constructorFrame < 0) {
                return new int[0];
            }
            String packagePrefix = record.getPackageName() + ".";
            List<Integer> lines = new ArrayList<>();
            for (int i = constructorFrame; i >= 0; i--) {
                String className = frames[i].getClassName();
                if (className.startsWith(packagePrefix) && className.indexOf('.', packagePrefix.length()) < 0) {
                    lines.add(frames[i].getLineNumber());
                }
            }
            return lines.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** The result of one constructor call: the instance, or how far the constructor got before rejecting. */
    private record Outcome(Object built, int[] position) {
        boolean accepted() {
            return built != null;
        }

        boolean isFurtherThan(Outcome other) {
            return !accepted() && !other.accepted() && Arrays.compare(position, other.position) > 0;
        }
    }
}
