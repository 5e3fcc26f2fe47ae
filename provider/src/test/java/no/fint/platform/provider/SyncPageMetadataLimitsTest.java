package no.fint.platform.provider;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import no.fint.platform.api.provider.model.SyncPageMetadata;
import no.fint.platform.sync.PageMeta;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page limits of openapi/provider.yaml (bean constraints of the generated metadata) are core's. */
class SyncPageMetadataLimitsTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void theContractsMaximumsAreTheLimitsOfTheSessions() throws Exception {
        Map<String, Long> limits = Map.of("getTotalSize", PageMeta.MAX_TOTAL_SIZE, "getPage", PageMeta.MAX_TOTAL_PAGES,
                "getPageSize", PageMeta.MAX_PAGE_SIZE, "getTotalPages", PageMeta.MAX_TOTAL_PAGES);
        for (var e : limits.entrySet()) {
            Max max = SyncPageMetadata.class.getMethod(e.getKey()).getAnnotation(Max.class);
            assertEquals(e.getValue(), max == null ? null : max.value(), e.getKey());
        }
    }

    @Test
    void aPageAboveThemIsAViolationNamingTheLimit() {
        SyncPageMetadata atLimits = new SyncPageMetadata().corrId("c").orgId("fint.no").totalSize(PageMeta.MAX_TOTAL_SIZE)
                .page(PageMeta.MAX_TOTAL_PAGES).pageSize(PageMeta.MAX_PAGE_SIZE).totalPages(PageMeta.MAX_TOTAL_PAGES);
        assertTrue(VALIDATOR.validate(atLimits).isEmpty());
        Set<ConstraintViolation<SyncPageMetadata>> v = VALIDATOR.validate(atLimits.totalSize(Long.MAX_VALUE).totalPages(2_000_000_000L));
        assertEquals(Set.of("totalSize", "totalPages"), Set.copyOf(v.stream().map(x -> x.getPropertyPath().toString()).toList()));
        assertTrue(v.stream().allMatch(x -> x.getMessage().contains(String.valueOf(x.getConstraintDescriptor().getAttributes().get("value")))),
                v.toString());
    }
}
