package io.crmkit.spi.memory;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import io.crmkit.spi.registry.CompanyRegistry;
import io.crmkit.spi.registry.RegistryCompany;
import io.crmkit.spi.registry.RegistryMatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A company registry (工商信息) in memory, for tests and demos: {@link #sample()} holds a few
 * fictitious registered companies; {@link #of(Collection)} holds the ones a test supplies.
 * Immutable and thread-safe.
 *
 * <p>{@link #suggest} matches a fragment anywhere in the registered name, ignoring case; names
 * that start with the fragment come first, then shorter names, then by name.
 */
public final class InMemoryCompanyRegistry implements CompanyRegistry {
    private static final InMemoryCompanyRegistry EMPTY = new InMemoryCompanyRegistry(List.of());

    private final Map<String, RegistryCompany> companies;

    private InMemoryCompanyRegistry(Collection<RegistryCompany> companies) {
        Map<String, RegistryCompany> byId = new LinkedHashMap<>();
        for (RegistryCompany company : companies) {
            if (byId.putIfAbsent(company.registryId(), company) != null) {
                throw ValidationException.of("companies", ErrorCode.FIELD_INVALID,
                        "registry id " + company.registryId() + " is listed twice");
            }
        }
        this.companies = Map.copyOf(byId);
    }

    /** A registry that knows no company. */
    public static InMemoryCompanyRegistry empty() {
        return EMPTY;
    }

    /** A registry of {@code companies}; their registry ids must be unique. */
    public static InMemoryCompanyRegistry of(Collection<RegistryCompany> companies) {
        return new InMemoryCompanyRegistry(Checks.list("companies", companies));
    }

    /** A registry of a few fictitious companies, for demos and tests. */
    public static InMemoryCompanyRegistry sample() {
        return of(List.of(
                new RegistryCompany("91330100MA2SAMPLE1", "杭州示例科技有限公司", "0571-88880001",
                        "contact@hz-sample.example", "https://hz-sample.example", "浙江省杭州市西湖区文三路 1 号", "张三"),
                new RegistryCompany("91310000MA2SAMPLE2", "上海示例贸易有限公司", "021-66660002",
                        "info@sh-trade.example", "https://sh-trade.example", "上海市浦东新区世纪大道 2 号", "李四"),
                new RegistryCompany("91440300MA2SAMPLE3", "深圳示例电子股份有限公司", "0755-22220003",
                        "sales@sz-electronics.example", null, "广东省深圳市南山区科技园 3 号", "王五"),
                new RegistryCompany("91320500MA2SAMPLE4", "Suzhou Example Valves Co., Ltd.", "0512-55550004",
                        "hello@valves.example", "https://valves.example", "4 Xinghu Street, Suzhou", "Zhao Liu"),
                new RegistryCompany("91110000MA2SAMPLE5", "北京示例软件有限公司", "010-99990005", null,
                        "https://bj-soft.example", "北京市海淀区中关村大街 5 号", "孙七")));
    }

    /**
     * @throws ValidationException if the fragment is blank or the limit is below 1
     */
    @Override
    public List<RegistryMatch> suggest(String nameFragment, int limit) {
        String fragment = Checks.text("nameFragment", nameFragment, 300).toLowerCase(Locale.ROOT);
        Checks.range("limit", limit, 1, Integer.MAX_VALUE);
        List<RegistryCompany> found = new ArrayList<>();
        for (RegistryCompany company : companies.values()) {
            if (company.name().toLowerCase(Locale.ROOT).contains(fragment)) {
                found.add(company);
            }
        }
        found.sort((a, b) -> {
            boolean aStarts = a.name().toLowerCase(Locale.ROOT).startsWith(fragment);
            boolean bStarts = b.name().toLowerCase(Locale.ROOT).startsWith(fragment);
            if (aStarts != bStarts) {
                return aStarts ? -1 : 1;
            }
            int byLength = Integer.compare(a.name().length(), b.name().length());
            return byLength != 0 ? byLength : a.name().compareTo(b.name());
        });
        List<RegistryMatch> matches = new ArrayList<>();
        for (RegistryCompany company : found.subList(0, Math.min(limit, found.size()))) {
            matches.add(new RegistryMatch(company.registryId(), company.name(), null));
        }
        return matches;
    }

    @Override
    public Optional<RegistryCompany> fetch(String registryId) {
        return Optional.ofNullable(companies.get(registryId));
    }
}
