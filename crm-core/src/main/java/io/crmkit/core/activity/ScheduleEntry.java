package io.crmkit.core.activity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.RecordRef;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A schedule entry (日程): a calendar entry, usually tied to a record (a visit to an account, a
 * meeting about an opportunity). The library keeps the entry; the host's calendar shows it.
 *
 * <p>It never ends before it starts (checked on construction). The title is required and texts
 * have maximum lengths (content rules, checked by {@link io.crmkit.core.validation.CrmValidation});
 * present texts are stripped and blank ones become {@code null}.
 *
 * @param id the entry's id
 * @param tenantId the owning tenant
 * @param target the record the entry is about, or null for a free entry
 * @param title what the entry is, required, at most 200 characters
 * @param startsAt when it starts
 * @param endsAt when it ends; not before {@code startsAt} (equal for a point in time)
 * @param attendees who takes part besides the organizer; never null
 * @param location where it takes place, at most 300 characters, or null
 * @param note details, at most 4000 characters, or null
 * @param organizer the user who set it up
 * @param version the version the entry was read at; 0 before it is first stored
 * @param createdAt when the entry was created
 * @param updatedAt when the entry was last changed
 */
public record ScheduleEntry(
        ScheduleEntryId id,
        TenantId tenantId,
        RecordRef target,
        @NotBlank @Size(max = 200) String title,
        Instant startsAt,
        Instant endsAt,
        Set<UserId> attendees,
        @Size(max = 300) String location,
        @Size(max = 4000) String note,
        UserId organizer,
        long version,
        Instant createdAt,
        Instant updatedAt) implements Aggregate<ScheduleEntryId> {

    /**
     * Checks presence of ids, times and organizer, and that the entry does not end before it starts.
     *
     * @throws ValidationException naming the field if a check fails ({@code endsAt} with
     *     {@link ErrorCode#FIELD_INVALID} when it is before {@code startsAt})
     */
    public ScheduleEntry {
        Checks.required("id", id);
        Checks.required("tenantId", tenantId);
        Checks.required("startsAt", startsAt);
        Checks.required("endsAt", endsAt);
        Checks.required("organizer", organizer);
        Checks.required("createdAt", createdAt);
        Checks.required("updatedAt", updatedAt);
        Checks.range("version", version, 0, Long.MAX_VALUE);
        if (endsAt.isBefore(startsAt)) {
            throw ValidationException.of("endsAt", ErrorCode.FIELD_INVALID,
                    "ends at " + endsAt + ", before it starts at " + startsAt);
        }
        attendees = Checks.set("attendees", attendees);
        title = strip(title);
        location = strip(location);
        note = strip(note);
    }

    /** A builder with the defaults: version 0, no attendees. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every component of this entry, to make a changed copy. */
    public Builder toBuilder() {
        return new Builder()
                .id(id).tenantId(tenantId).target(target).title(title).startsAt(startsAt).endsAt(endsAt)
                .attendees(attendees).location(location).note(note).organizer(organizer)
                .version(version).createdAt(createdAt).updatedAt(updatedAt);
    }

    /** How long the entry lasts; zero for a point in time. */
    @JsonIgnore
    public Duration duration() {
        return Duration.between(startsAt, endsAt);
    }

    /**
     * This entry moved to {@code startsAt} .. {@code endsAt}.
     *
     * @throws ValidationException if a time is missing or the new end is before the new start
     */
    public ScheduleEntry rescheduled(Instant startsAt, Instant endsAt) {
        return toBuilder().startsAt(startsAt).endsAt(endsAt).build();
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Builds a {@link ScheduleEntry}; setters are named like the components and validation happens in {@link #build()}. */
    public static final class Builder {
        private ScheduleEntryId id;
        private TenantId tenantId;
        private RecordRef target;
        private String title;
        private Instant startsAt;
        private Instant endsAt;
        private Set<UserId> attendees = Set.of();
        private String location;
        private String note;
        private UserId organizer;
        private long version;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {}

        /** Sets {@link ScheduleEntry#id()}. */
        public Builder id(ScheduleEntryId id) {
            this.id = id;
            return this;
        }

        /** Sets {@link ScheduleEntry#tenantId()}. */
        public Builder tenantId(TenantId tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /** Sets {@link ScheduleEntry#target()}. */
        public Builder target(RecordRef target) {
            this.target = target;
            return this;
        }

        /** Sets {@link ScheduleEntry#title()}. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Sets {@link ScheduleEntry#startsAt()}. */
        public Builder startsAt(Instant startsAt) {
            this.startsAt = startsAt;
            return this;
        }

        /** Sets {@link ScheduleEntry#endsAt()}. */
        public Builder endsAt(Instant endsAt) {
            this.endsAt = endsAt;
            return this;
        }

        /** Sets {@link ScheduleEntry#attendees()}. */
        public Builder attendees(Set<UserId> attendees) {
            this.attendees = attendees;
            return this;
        }

        /** Sets {@link ScheduleEntry#location()}. */
        public Builder location(String location) {
            this.location = location;
            return this;
        }

        /** Sets {@link ScheduleEntry#note()}. */
        public Builder note(String note) {
            this.note = note;
            return this;
        }

        /** Sets {@link ScheduleEntry#organizer()}. */
        public Builder organizer(UserId organizer) {
            this.organizer = organizer;
            return this;
        }

        /** Sets {@link ScheduleEntry#version()}. */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /** Sets {@link ScheduleEntry#createdAt()}. */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** Sets {@link ScheduleEntry#updatedAt()}. */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /**
         * The schedule entry.
         *
         * @throws ValidationException if a structural check of {@link ScheduleEntry} fails
         */
        public ScheduleEntry build() {
            return new ScheduleEntry(id, tenantId, target, title, startsAt, endsAt, attendees, location, note,
                    organizer, version, createdAt, updatedAt);
        }
    }
}
