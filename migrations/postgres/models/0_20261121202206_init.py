from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "users" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "public_id" VARCHAR(24) NOT NULL UNIQUE,
    "phone" VARCHAR(11) NOT NULL UNIQUE,
    "password_hash" VARCHAR(255) NOT NULL,
    "display_name" VARCHAR(50) NOT NULL,
    "email" VARCHAR(254),
    "language" VARCHAR(5) NOT NULL,
    "elderly_mode" BOOL NOT NULL,
    "notify_email" BOOL NOT NULL,
    "notify_sms" BOOL NOT NULL,
    "quiet_start" SMALLINT,
    "quiet_end" SMALLINT,
    "is_active" BOOL NOT NULL,
    "deactivated_at" TIMESTAMPTZ,
    "password_changed_at" TIMESTAMPTZ,
    "last_login_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN "users"."language" IS 'ZH_CN: zh-CN\nEN: en';
CREATE TABLE IF NOT EXISTS "api_tokens" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "last_used_at" TIMESTAMPTZ,
    "revoked_at" TIMESTAMPTZ,
    "user_id" INT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_api_tokens_expires_5af533" ON "api_tokens" ("expires_at");
COMMENT ON TABLE "api_tokens" IS 'A bearer token for the JSON API; only its hash is stored.';
CREATE TABLE IF NOT EXISTS "sessions" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "key_hash" VARCHAR(64) NOT NULL UNIQUE,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "last_seen_at" TIMESTAMPTZ,
    "ip" VARCHAR(45) NOT NULL,
    "user_agent" VARCHAR(255) NOT NULL,
    "user_id" INT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_sessions_expires_6bcc94" ON "sessions" ("expires_at");
COMMENT ON TABLE "sessions" IS 'A browser login; the cookie holds the key, the table only its hash.';
CREATE TABLE IF NOT EXISTS "org_nodes" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "code" VARCHAR(32) NOT NULL UNIQUE,
    "name" VARCHAR(100) NOT NULL,
    "name_en" VARCHAR(150) NOT NULL,
    "level" VARCHAR(16) NOT NULL,
    "path" VARCHAR(255) NOT NULL UNIQUE,
    "depth" SMALLINT NOT NULL,
    "sort_order" INT NOT NULL,
    "households" INT,
    "lat" DOUBLE PRECISION,
    "lng" DOUBLE PRECISION,
    "created_at" TIMESTAMPTZ NOT NULL,
    "parent_id" INT REFERENCES "org_nodes" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_org_nodes_parent__45c10b" ON "org_nodes" ("parent_id", "sort_order");
COMMENT ON COLUMN "org_nodes"."level" IS 'CITY: city\nDISTRICT: district\nSTREET: street\nCOMMUNITY: community\nGRID: grid';
COMMENT ON TABLE "org_nodes" IS 'A node of the four-level tree (plus grids). ``path`` makes subtree queries one prefix match.';
CREATE TABLE IF NOT EXISTS "centres" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "code" VARCHAR(16) NOT NULL UNIQUE,
    "node_path" VARCHAR(255) NOT NULL,
    "kind" VARCHAR(24) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "name_en" VARCHAR(150) NOT NULL,
    "address" VARCHAR(200) NOT NULL,
    "lat" DOUBLE PRECISION,
    "lng" DOUBLE PRECISION,
    "phone" VARCHAR(20) NOT NULL,
    "description" TEXT NOT NULL,
    "hours_note" VARCHAR(200) NOT NULL,
    "time_zone" VARCHAR(40) NOT NULL,
    "is_active" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "node_id" INT NOT NULL REFERENCES "org_nodes" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_centres_node_pa_ae76a9" ON "centres" ("node_path", "name");
COMMENT ON COLUMN "centres"."kind" IS 'CITY: city\nDISTRICT: district\nSTREET: street\nCOMMUNITY: community\nBUILDING: building\nPARK: park\nBUSINESS_DISTRICT: business_district\nMARKET: market';
COMMENT ON TABLE "centres" IS 'A Party-mass service centre or station; regional ones still belong to a node.';
CREATE TABLE IF NOT EXISTS "role_grants" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "role" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "centre_id" INT REFERENCES "centres" ("id") ON DELETE CASCADE,
    "granted_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "node_id" INT REFERENCES "org_nodes" ("id") ON DELETE CASCADE,
    "user_id" INT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_role_grants_user_id_61beb1" UNIQUE ("user_id", "role", "centre_id", "node_id")
);
COMMENT ON COLUMN "role_grants"."role" IS 'RESIDENT: resident\nMEMBER: member\nSTAFF: staff\nADMIN: admin\nGRID_WORKER: grid_worker';
COMMENT ON TABLE "role_grants" IS 'A user may act as staff of one centre, or as admin or grid worker of one org node.';
CREATE TABLE IF NOT EXISTS "centre_notices" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "title" VARCHAR(100) NOT NULL,
    "body" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ,
    "centre_id" INT NOT NULL REFERENCES "centres" ("id") ON DELETE CASCADE,
    "created_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_centre_noti_centre__c4366a" ON "centre_notices" ("centre_id", "published_at");
CREATE TABLE IF NOT EXISTS "services" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "code" VARCHAR(16) NOT NULL UNIQUE,
    "category" VARCHAR(24) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "name_en" VARCHAR(150) NOT NULL,
    "keywords" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "fee" VARCHAR(100) NOT NULL,
    "eligibility" VARCHAR(200) NOT NULL,
    "bookable" BOOL NOT NULL,
    "duration_minutes" SMALLINT NOT NULL,
    "capacity_per_slot" SMALLINT NOT NULL,
    "min_lead_minutes" INT NOT NULL,
    "max_days_ahead" SMALLINT NOT NULL,
    "cancel_cutoff_minutes" INT NOT NULL,
    "max_active_per_person" SMALLINT NOT NULL,
    "max_active_per_beneficiary" SMALLINT NOT NULL,
    "reminder_offsets_minutes" JSONB NOT NULL,
    "sort_order" INT NOT NULL,
    "is_active" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "centre_id" INT NOT NULL REFERENCES "centres" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_services_centre__5235b5" ON "services" ("centre_id", "sort_order");
COMMENT ON COLUMN "services"."category" IS 'CERTIFICATES: certificates\nSOCIAL_SECURITY: social_security\nHOUSING: housing\nELDERLY: elderly\nLEGAL: legal\nHEALTH: health\nEMPLOYMENT: employment\nPARTY: party\nVENUE: venue\nFAMILY: family\nOTHER: other';
COMMENT ON TABLE "services" IS 'Something a centre does, with the rules for booking it.';
CREATE TABLE IF NOT EXISTS "material_items" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(100) NOT NULL,
    "name_en" VARCHAR(150) NOT NULL,
    "form" VARCHAR(24) NOT NULL,
    "count" SMALLINT NOT NULL,
    "note" VARCHAR(200) NOT NULL,
    "condition" VARCHAR(200) NOT NULL,
    "sort_order" SMALLINT NOT NULL,
    "service_id" INT NOT NULL REFERENCES "services" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_material_it_service_4e2c3d" ON "material_items" ("service_id", "sort_order");
COMMENT ON COLUMN "material_items"."form" IS 'ORIGINAL: original\nCOPY: copy\nORIGINAL_AND_COPY: original_and_copy\nELECTRONIC: electronic';
COMMENT ON TABLE "material_items" IS 'One line of the one-time notice (一次性告知清单): what to bring.';
CREATE TABLE IF NOT EXISTS "schedule_exceptions" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "date" DATE NOT NULL,
    "closed" BOOL NOT NULL,
    "opens" SMALLINT,
    "closes" SMALLINT,
    "reason" VARCHAR(200) NOT NULL,
    "centre_id" INT NOT NULL REFERENCES "centres" ("id") ON DELETE CASCADE,
    "created_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "service_id" INT REFERENCES "services" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_schedule_ex_centre__aa07bd" ON "schedule_exceptions" ("centre_id", "date");
COMMENT ON TABLE "schedule_exceptions" IS 'A date that differs from the weekly plan: closed, or open with special intervals.';
CREATE TABLE IF NOT EXISTS "weekly_hours" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "weekday" SMALLINT NOT NULL,
    "opens" SMALLINT NOT NULL,
    "closes" SMALLINT NOT NULL,
    "centre_id" INT NOT NULL REFERENCES "centres" ("id") ON DELETE CASCADE,
    "service_id" INT REFERENCES "services" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_weekly_hour_centre__fe7ba1" ON "weekly_hours" ("centre_id", "service_id", "weekday");
COMMENT ON TABLE "weekly_hours" IS 'An opening interval on a weekday; several per day leave the breaks between them.';
CREATE TABLE IF NOT EXISTS "bookings" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "code" VARCHAR(12) NOT NULL UNIQUE,
    "for_name" VARCHAR(50) NOT NULL,
    "for_phone" VARCHAR(11) NOT NULL,
    "starts_at" TIMESTAMPTZ NOT NULL,
    "ends_at" TIMESTAMPTZ NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "source" VARCHAR(16) NOT NULL,
    "holder_key" VARCHAR(40),
    "note" VARCHAR(500) NOT NULL,
    "checked_in_at" TIMESTAMPTZ,
    "cancelled_at" TIMESTAMPTZ,
    "cancel_reason" VARCHAR(200) NOT NULL,
    "rating" SMALLINT,
    "created_at" TIMESTAMPTZ NOT NULL,
    "centre_id" INT NOT NULL REFERENCES "centres" ("id") ON DELETE RESTRICT,
    "checked_in_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "rescheduled_from_id" INT REFERENCES "bookings" ("id") ON DELETE SET NULL,
    "service_id" INT NOT NULL REFERENCES "services" ("id") ON DELETE RESTRICT,
    "user_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    CONSTRAINT "uid_bookings_service_5095fa" UNIQUE ("service_id", "starts_at", "holder_key")
);
CREATE INDEX IF NOT EXISTS "idx_bookings_centre__3f877b" ON "bookings" ("centre_id", "starts_at");
CREATE INDEX IF NOT EXISTS "idx_bookings_user_id_e3defd" ON "bookings" ("user_id", "starts_at");
CREATE INDEX IF NOT EXISTS "idx_bookings_service_869b68" ON "bookings" ("service_id", "starts_at");
COMMENT ON COLUMN "bookings"."status" IS 'BOOKED: booked\nCHECKED_IN: checked_in\nDONE: done\nCANCELLED: cancelled\nNO_SHOW: no_show';
COMMENT ON COLUMN "bookings"."source" IS 'WEB: web\nAPI: api\nWALK_IN: walk_in\nSTAFF: staff';
CREATE TABLE IF NOT EXISTS "slot_usages" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "starts_at" TIMESTAMPTZ NOT NULL,
    "capacity" SMALLINT NOT NULL,
    "taken" SMALLINT NOT NULL,
    "service_id" INT NOT NULL REFERENCES "services" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_slot_usages_service_f82bc0" UNIQUE ("service_id", "starts_at")
);
COMMENT ON TABLE "slot_usages" IS 'How many places of one slot are taken; raised only by a conditional UPDATE.';
CREATE TABLE IF NOT EXISTS "need_categories" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "code" VARCHAR(16) NOT NULL UNIQUE,
    "kind" VARCHAR(16) NOT NULL,
    "name" VARCHAR(50) NOT NULL,
    "name_en" VARCHAR(100) NOT NULL,
    "response_hours" INT NOT NULL,
    "resolution_hours" INT NOT NULL,
    "is_active" BOOL NOT NULL,
    "sort_order" SMALLINT NOT NULL,
    "centre_id" INT REFERENCES "centres" ("id") ON DELETE CASCADE,
    "node_id" INT REFERENCES "org_nodes" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "need_categories"."kind" IS 'NEED: need\nSMALL_WISH: small_wish';
COMMENT ON TABLE "need_categories" IS 'A kind of need with its promised response and resolution times; per centre or node.';
CREATE TABLE IF NOT EXISTS "needs" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "code" VARCHAR(12) NOT NULL UNIQUE,
    "kind" VARCHAR(16) NOT NULL,
    "node_path" VARCHAR(255) NOT NULL,
    "title" VARCHAR(100) NOT NULL,
    "description" TEXT NOT NULL,
    "urgency" VARCHAR(16) NOT NULL,
    "preferred_time" VARCHAR(100) NOT NULL,
    "wish_item" VARCHAR(100) NOT NULL,
    "budget_cap" DECIMAL(10,2),
    "address_private" VARCHAR(200) NOT NULL,
    "contact_name" VARCHAR(50) NOT NULL,
    "contact_phone" VARCHAR(11) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "assigned_department" VARCHAR(100) NOT NULL,
    "status_reason" VARCHAR(500) NOT NULL,
    "unreasonable" BOOL NOT NULL,
    "unreasonable_reason" VARCHAR(500) NOT NULL,
    "response_due_at" TIMESTAMPTZ,
    "resolution_due_at" TIMESTAMPTZ,
    "responded_at" TIMESTAMPTZ,
    "resolved_at" TIMESTAMPTZ,
    "confirmed_at" TIMESTAMPTZ,
    "closed_at" TIMESTAMPTZ,
    "escalation_level" SMALLINT NOT NULL,
    "rating" VARCHAR(24),
    "rating_comment" VARCHAR(500) NOT NULL,
    "rated_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "assigned_to_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "category_id" INT REFERENCES "need_categories" ("id") ON DELETE SET NULL,
    "centre_id" INT NOT NULL REFERENCES "centres" ("id") ON DELETE CASCADE,
    "duplicate_of_id" INT REFERENCES "needs" ("id") ON DELETE SET NULL,
    "node_id" INT NOT NULL REFERENCES "org_nodes" ("id") ON DELETE CASCADE,
    "posted_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "requester_id" INT REFERENCES "users" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_needs_centre__e48831" ON "needs" ("centre_id", "status", "created_at");
CREATE INDEX IF NOT EXISTS "idx_needs_node_pa_0925b2" ON "needs" ("node_path", "created_at");
CREATE INDEX IF NOT EXISTS "idx_needs_request_fc46e7" ON "needs" ("requester_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_needs_status_a5e0f5" ON "needs" ("status", "response_due_at");
COMMENT ON COLUMN "needs"."kind" IS 'NEED: need\nSMALL_WISH: small_wish';
COMMENT ON COLUMN "needs"."urgency" IS 'LOW: low\nNORMAL: normal\nHIGH: high\nURGENT: urgent';
COMMENT ON COLUMN "needs"."status" IS 'SUBMITTED: submitted\nACCEPTED: accepted\nREJECTED: rejected\nDUPLICATE: duplicate\nASSIGNED: assigned\nOPEN_FOR_CLAIM: open_for_claim\nIN_PROGRESS: in_progress\nRESOLVED: resolved\nREOPENED: reopened\nCONFIRMED: confirmed\nCLOSED: closed';
COMMENT ON COLUMN "needs"."rating" IS 'SATISFIED: satisfied\nBASICALLY_SATISFIED: basically_satisfied\nDISSATISFIED: dissatisfied';
CREATE TABLE IF NOT EXISTS "need_events" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "action" VARCHAR(32) NOT NULL,
    "from_status" VARCHAR(16) NOT NULL,
    "to_status" VARCHAR(16) NOT NULL,
    "note" VARCHAR(500) NOT NULL,
    "data" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "actor_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "need_id" INT NOT NULL REFERENCES "needs" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_need_events_need_id_c34a7f" ON "need_events" ("need_id", "created_at");
COMMENT ON TABLE "need_events" IS 'One transition of a need; the rates are recomputed from these rows.';
CREATE TABLE IF NOT EXISTS "projects" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "code" VARCHAR(16) NOT NULL UNIQUE,
    "title" VARCHAR(100) NOT NULL,
    "description" TEXT NOT NULL,
    "is_active" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "centre_id" INT REFERENCES "centres" ("id") ON DELETE SET NULL,
    "node_id" INT NOT NULL REFERENCES "org_nodes" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "projects" IS 'A community''s pledge project (e.g. Saturday tutoring); its sessions are tasks.';
CREATE TABLE IF NOT EXISTS "skills" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "code" VARCHAR(32) NOT NULL UNIQUE,
    "name" VARCHAR(50) NOT NULL,
    "name_en" VARCHAR(100) NOT NULL,
    "sort_order" SMALLINT NOT NULL
);
COMMENT ON TABLE "skills" IS 'The managed list of skills members pledge and tasks ask for.';
CREATE TABLE IF NOT EXISTS "tasks" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "code" VARCHAR(12) NOT NULL UNIQUE,
    "source" VARCHAR(16) NOT NULL,
    "node_path" VARCHAR(255) NOT NULL,
    "title" VARCHAR(100) NOT NULL,
    "description" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ,
    "ends_at" TIMESTAMPTZ,
    "estimated_hours" DECIMAL(5,1) NOT NULL,
    "capacity" SMALLINT NOT NULL,
    "taken" SMALLINT NOT NULL,
    "claim_days" SMALLINT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "centre_id" INT NOT NULL REFERENCES "centres" ("id") ON DELETE CASCADE,
    "created_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "need_id" INT REFERENCES "needs" ("id") ON DELETE CASCADE,
    "node_id" INT NOT NULL REFERENCES "org_nodes" ("id") ON DELETE CASCADE,
    "project_id" INT REFERENCES "projects" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_tasks_status_83d465" ON "tasks" ("status", "node_path");
CREATE INDEX IF NOT EXISTS "idx_tasks_centre__9c210c" ON "tasks" ("centre_id", "status");
COMMENT ON COLUMN "tasks"."source" IS 'NEED: need\nSMALL_WISH: small_wish\nPROJECT: project\nOTHER: other';
COMMENT ON COLUMN "tasks"."status" IS 'OPEN: open\nFULL: full\nDONE: done\nCANCELLED: cancelled';
COMMENT ON TABLE "tasks" IS 'A piece of volunteer work members can claim, up to ``capacity`` at once.';
CREATE TABLE IF NOT EXISTS "task_skills" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "skill_id" INT NOT NULL REFERENCES "skills" ("id") ON DELETE CASCADE,
    "task_id" INT NOT NULL REFERENCES "tasks" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_task_skills_task_id_4bc9d2" UNIQUE ("task_id", "skill_id")
);
CREATE TABLE IF NOT EXISTS "units" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "code" VARCHAR(16) NOT NULL UNIQUE,
    "name" VARCHAR(100) NOT NULL UNIQUE,
    "kind" VARCHAR(24) NOT NULL,
    "contact_name" VARCHAR(50) NOT NULL,
    "contact_phone" VARCHAR(20) NOT NULL,
    "contact_email" VARCHAR(254) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN "units"."kind" IS 'GOVERNMENT: government\nINSTITUTION: institution\nSTATE_ENTERPRISE: state_enterprise\nENTERPRISE: enterprise\nSCHOOL: school\nHOSPITAL: hospital\nOTHER: other';
COMMENT ON TABLE "units" IS 'A member''s employer (在职单位); receives reports of its members'' service.';
CREATE TABLE IF NOT EXISTS "members" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "real_name" VARCHAR(50) NOT NULL,
    "member_no" VARCHAR(32) NOT NULL,
    "node_path" VARCHAR(255) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "status_reason" VARCHAR(200) NOT NULL,
    "reported_at" TIMESTAMPTZ NOT NULL,
    "verified_at" TIMESTAMPTZ,
    "confirmed_until" DATE,
    "completed_count" INT NOT NULL,
    "no_show_count" INT NOT NULL,
    "community_id" INT NOT NULL REFERENCES "org_nodes" ("id") ON DELETE CASCADE,
    "grid_id" INT REFERENCES "org_nodes" ("id") ON DELETE SET NULL,
    "unit_id" INT REFERENCES "units" ("id") ON DELETE SET NULL,
    "verified_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "user_id" INT NOT NULL UNIQUE REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_members_node_pa_d17391" ON "members" ("node_path", "status");
CREATE INDEX IF NOT EXISTS "idx_members_unit_id_44d086" ON "members" ("unit_id", "status");
COMMENT ON COLUMN "members"."status" IS 'PENDING: pending\nVERIFIED: verified\nDECLINED: declined\nLAPSED: lapsed';
COMMENT ON TABLE "members" IS 'A user''s report-in (报到) to their home community.';
CREATE TABLE IF NOT EXISTS "certificates" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "number" VARCHAR(32) NOT NULL UNIQUE,
    "verification_code" VARCHAR(16) NOT NULL,
    "period_from" DATE NOT NULL,
    "period_to" DATE NOT NULL,
    "total_hours" DECIMAL(8,2) NOT NULL,
    "items" JSONB NOT NULL,
    "issued_at" TIMESTAMPTZ NOT NULL,
    "revoked_at" TIMESTAMPTZ,
    "issued_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "issuing_node_id" INT NOT NULL REFERENCES "org_nodes" ("id") ON DELETE CASCADE,
    "member_id" INT NOT NULL REFERENCES "members" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "certificates" IS 'A volunteer service certificate (志愿服务证明); ``items`` freezes what it certified.';
CREATE TABLE IF NOT EXISTS "claims" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "code" VARCHAR(12) NOT NULL UNIQUE,
    "status" VARCHAR(16) NOT NULL,
    "active_key" INT,
    "due_at" TIMESTAMPTZ NOT NULL,
    "claimed_at" TIMESTAMPTZ NOT NULL,
    "work_started_at" TIMESTAMPTZ,
    "work_ended_at" TIMESTAMPTZ,
    "completion_note" TEXT NOT NULL,
    "completed_at" TIMESTAMPTZ,
    "confirmed_at" TIMESTAMPTZ,
    "auto_confirmed" BOOL NOT NULL,
    "dispute_reason" VARCHAR(500) NOT NULL,
    "verified_at" TIMESTAMPTZ,
    "ended_reason" VARCHAR(500) NOT NULL,
    "ended_at" TIMESTAMPTZ,
    "member_id" INT NOT NULL REFERENCES "members" ("id") ON DELETE CASCADE,
    "task_id" INT NOT NULL REFERENCES "tasks" ("id") ON DELETE CASCADE,
    "verified_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    CONSTRAINT "uid_claims_task_id_bd7a01" UNIQUE ("task_id", "active_key")
);
CREATE INDEX IF NOT EXISTS "idx_claims_member__de4b6e" ON "claims" ("member_id", "claimed_at");
CREATE INDEX IF NOT EXISTS "idx_claims_status_a8e433" ON "claims" ("status", "due_at");
COMMENT ON COLUMN "claims"."status" IS 'CLAIMED: claimed\nIN_PROGRESS: in_progress\nCOMPLETED: completed\nCONFIRMED: confirmed\nDISPUTED: disputed\nVERIFIED: verified\nRELEASED: released\nRETURNED: returned';
CREATE TABLE IF NOT EXISTS "photos" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "public_id" VARCHAR(24) NOT NULL UNIQUE,
    "stage" VARCHAR(16) NOT NULL,
    "path" VARCHAR(255) NOT NULL,
    "thumb_path" VARCHAR(255) NOT NULL,
    "width" INT NOT NULL,
    "height" INT NOT NULL,
    "bytes" INT NOT NULL,
    "approved" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "claim_id" INT REFERENCES "claims" ("id") ON DELETE CASCADE,
    "need_id" INT REFERENCES "needs" ("id") ON DELETE CASCADE,
    "uploaded_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL
);
COMMENT ON COLUMN "photos"."stage" IS 'REQUEST: request\nRESOLUTION: resolution\nEVIDENCE: evidence';
COMMENT ON TABLE "photos" IS 'A re-encoded, metadata-free image; files live under the media directory.';
CREATE TABLE IF NOT EXISTS "feedback" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(24) NOT NULL,
    "score" SMALLINT,
    "comment" VARCHAR(500) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "author_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "claim_id" INT REFERENCES "claims" ("id") ON DELETE CASCADE,
    "member_id" INT NOT NULL REFERENCES "members" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_feedback_member__b67e05" ON "feedback" ("member_id", "created_at");
COMMENT ON COLUMN "feedback"."kind" IS 'RESIDENT_RATING: resident_rating\nNO_SHOW_RESIDENT: no_show_resident\nMEMBER_NO_SHOW: member_no_show\nUNIT_EVALUATION: unit_evaluation';
CREATE TABLE IF NOT EXISTS "hours_entries" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(16) NOT NULL,
    "service_date" DATE NOT NULL,
    "hours" DECIMAL(6,2) NOT NULL,
    "description" VARCHAR(200) NOT NULL,
    "node_path" VARCHAR(255) NOT NULL,
    "verification" VARCHAR(32) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "claim_id" INT REFERENCES "claims" ("id") ON DELETE RESTRICT,
    "corrects_id" INT REFERENCES "hours_entries" ("id") ON DELETE RESTRICT,
    "member_id" INT NOT NULL REFERENCES "members" ("id") ON DELETE CASCADE,
    "verified_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_hours_entri_member__b5caf4" ON "hours_entries" ("member_id", "service_date");
CREATE INDEX IF NOT EXISTS "idx_hours_entri_node_pa_5a6f93" ON "hours_entries" ("node_path", "service_date");
COMMENT ON COLUMN "hours_entries"."kind" IS 'CREDIT: credit\nCORRECTION: correction';
COMMENT ON TABLE "hours_entries" IS 'The volunteer-hours ledger: append-only; a correction is a new row pointing at the old.';
CREATE TABLE IF NOT EXISTS "invitations" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "code" VARCHAR(12) NOT NULL UNIQUE,
    "status" VARCHAR(16) NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "score" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "answered_at" TIMESTAMPTZ,
    "invited_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "member_id" INT NOT NULL REFERENCES "members" ("id") ON DELETE CASCADE,
    "task_id" INT NOT NULL REFERENCES "tasks" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_invitations_task_id_449f12" UNIQUE ("task_id", "member_id")
);
COMMENT ON COLUMN "invitations"."status" IS 'PENDING: pending\nACCEPTED: accepted\nDECLINED: declined\nEXPIRED: expired';
COMMENT ON TABLE "invitations" IS 'Staff dispatching a task to a suggested member; ``score`` keeps the reasons shown.';
CREATE TABLE IF NOT EXISTS "pledges" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "text" VARCHAR(500) NOT NULL,
    "availability" JSONB NOT NULL,
    "date_from" DATE,
    "date_to" DATE,
    "monthly_tasks" SMALLINT,
    "monthly_hours" DECIMAL(6,1),
    "valid_until" DATE NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "member_id" INT NOT NULL REFERENCES "members" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_pledges_member__5b70a2" ON "pledges" ("member_id", "status");
COMMENT ON COLUMN "pledges"."status" IS 'ACTIVE: active\nWITHDRAWN: withdrawn';
COMMENT ON TABLE "pledges" IS 'What a member promises (承诺): skills, where, when, how much, until when.';
CREATE TABLE IF NOT EXISTS "pledge_areas" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "node_id" INT NOT NULL REFERENCES "org_nodes" ("id") ON DELETE CASCADE,
    "pledge_id" INT NOT NULL REFERENCES "pledges" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_pledge_area_pledge__e0678b" UNIQUE ("pledge_id", "node_id")
);
COMMENT ON TABLE "pledge_areas" IS 'A community or grid where a pledge applies.';
CREATE TABLE IF NOT EXISTS "pledge_skills" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "pledge_id" INT NOT NULL REFERENCES "pledges" ("id") ON DELETE CASCADE,
    "skill_id" INT NOT NULL REFERENCES "skills" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_pledge_skil_pledge__10258b" UNIQUE ("pledge_id", "skill_id")
);
CREATE TABLE IF NOT EXISTS "notifications" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "to_address" VARCHAR(254) NOT NULL,
    "event" VARCHAR(48) NOT NULL,
    "channel" VARCHAR(8) NOT NULL,
    "language" VARCHAR(8) NOT NULL,
    "payload" JSONB NOT NULL,
    "subject_type" VARCHAR(24) NOT NULL,
    "subject_id" INT,
    "dedupe_key" VARCHAR(200) NOT NULL UNIQUE,
    "status" VARCHAR(16) NOT NULL,
    "urgent" BOOL NOT NULL,
    "attempts" SMALLINT NOT NULL,
    "last_error" TEXT NOT NULL,
    "send_after" TIMESTAMPTZ NOT NULL,
    "claimed_until" TIMESTAMPTZ,
    "sent_at" TIMESTAMPTZ,
    "read_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "user_id" INT REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_notificatio_status_da64b0" ON "notifications" ("status", "send_after");
CREATE INDEX IF NOT EXISTS "idx_notificatio_user_id_df619b" ON "notifications" ("user_id", "channel", "read_at");
CREATE INDEX IF NOT EXISTS "idx_notificatio_subject_0aeca0" ON "notifications" ("subject_type", "subject_id");
COMMENT ON COLUMN "notifications"."channel" IS 'INBOX: inbox\nEMAIL: email\nSMS: sms';
COMMENT ON COLUMN "notifications"."status" IS 'PENDING: pending\nSENDING: sending\nSENT: sent\nFAILED: failed\nCANCELLED: cancelled';
CREATE TABLE IF NOT EXISTS "audit_entries" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "actor_label" VARCHAR(60) NOT NULL,
    "action" VARCHAR(48) NOT NULL,
    "object_type" VARCHAR(24) NOT NULL,
    "object_id" VARCHAR(40) NOT NULL,
    "node_path" VARCHAR(255) NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "ip" VARCHAR(45) NOT NULL,
    "user_agent" VARCHAR(255) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "actor_id" INT REFERENCES "users" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_audit_entri_node_pa_8d0b54" ON "audit_entries" ("node_path", "created_at");
CREATE INDEX IF NOT EXISTS "idx_audit_entri_actor_i_d9ddac" ON "audit_entries" ("actor_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_audit_entri_object__869104" ON "audit_entries" ("object_type", "object_id");
CREATE TABLE IF NOT EXISTS "job_runs" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "public_id" VARCHAR(24) NOT NULL UNIQUE,
    "kind" VARCHAR(32) NOT NULL,
    "params" JSONB NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "done" INT NOT NULL,
    "total" INT NOT NULL,
    "result_path" VARCHAR(255) NOT NULL,
    "error" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "owner_id" INT REFERENCES "users" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_job_runs_owner_i_714c09" ON "job_runs" ("owner_id", "created_at");
COMMENT ON COLUMN "job_runs"."status" IS 'QUEUED: queued\nRUNNING: running\nDONE: done\nFAILED: failed';
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSONB NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztXW1z27i1/isYf9ndGW8aO3ayo3TujCIzsXZtyVeSN9uuOjRFQhJqClD5Yse97X+/AE"
    "hKfAEpUiJpisFMm01IHpB6AIIHD55zzv+drIgBTftNd40m5BHikw74vxOsrSD9S+LcKTjR"
    "1uvtGXbA0WYmv1hbI9Vhl/HD2sx2LE136Jm5ZtqQHjKgrVto7SDC7nLSBTOoWdAC3AjMCf"
    "3bEoJfx8MB6N71PwKCzReAHBssNXsJkA1sh1jQeMOaN4hO20d4cXBLLkb/ciF98gWkRhZt"
    "789/0MMIG/AbtIN/rh/VOYKmEYEHGawBflx1Xtb8WB87n/mF7CFnqk5Md4W3F69fnCXBm6"
    "sRdtjRBcTQ0hzImncsl4GFXdP0kQ3w8550e4n3iCEbA84112SQM2vvAbbHTlR1MJyoY2Wi"
    "qieJ7ggsQrj6h3SCWVfSR7X5r1+wR/j5/Oziw8Uv795f/EIv4Y+5OfLhv96tt8B4hhyewe"
    "Tkv/y85mjeFRzjLai8D1XWUUlwe0vNEqMbtYqhTB8/jnKAaXNhXmnfVBPihbOk/3x/kYHp"
    "791R77o7+vH9xU/shoS+dt4bOfDPnPNTDPYtzLoFGRSq5iRhvqJnHLSCYqijljGoDd/0Tf"
    "CXfYAPDmyR304hdUBPf6AxpFOG3+UZ0E/6t8p40r29Y7db2fa/TI5fd6KwM+f86Evs6I/v"
    "Y920aQR87U+uAfsn+PtwoHB4ie0sLH7H7XWTv5+wZ9Jch6iYPKuaERqdwdEAtUivw29rRF"
    "vbo9ejlvX0ep3v25F0cgBSZi+bmu2orr3X2x23LaGn/W5syuvdpp624BP98O3Tz1FL2ctN"
    "7mX6OlpqIWczZLHb4zyGT3IJTidz4+ePQp+TwZVE9zNdI6AF/g2+cJD79Ik0rEMBqP466d"
    "5v5sjA/W8weoKj27fZ0p43657woKK/nf5i6HheeXfc614pJxzhmaY/PmuWoUagZmfIOYkd"
    "2VybPLU6X8WPaFhbcHDYr2DP7KM+Iib8Ymn8sRNL1+3J06y1q0UvUxfsutyLV4YGWGkvgF"
    "4HNLak1OZzQOj/MAQ6xI5FzehKlJ7SjBXC7O8LCxngmViP1NS/klgLgOkDiVa1VdxCsNz9"
    "czP+GQzsv17b7G/M7uQfckH8igvioFOSS2EFu6vE1BT9yvu25SyIq5mnTkbKuH+lDCYdQL"
    "+ZyKBjb4pvldtPyqgDVnA1g9YU00/o588d7w2Y4u7VbX/Q8Qb9FH8Z9a/Ur8PRb8yAjX/V"
    "G//xNyrPQvvsfY6F9lncGdgutNkpudCWC21vBi3mtEVs9nLbGuaDlzMzbkHlH2j6Qsxeig"
    "GbsJPgJsFlX/pisIYsJKBJQOWqTa7ajmHVlvxslQBqb9PQcU0CeVGNfKt348qXUYejOrQW"
    "A7+ldsIa+qTsBnX7Wa9vFjhSXBMeUARd+hRgcH9z81oMzhjatvfDE/xNcOo0i72xvYvy6w"
    "4s8syoFZMsEP7ItQI6IY8IgiWhz8sPPMKXU/4XfpeogkCoQCijTalFaBb1QjussBIhbCN1"
    "CFKHcAD07aVHpA7he9i35FoCG0K8rw4hZCt3qJvc02hd5BPpXV3fnsTJSS0fx4vLHB/Hi8"
    "vUjyM7JaCQqM+MBa9POrxRq9bBfH6ZB2d6VSrQ/Jwk6yRZ17h1ekMlFhx1weo86I30pTn7"
    "QfnW5elYylVxs1bFa3dmIl04W6Z/lCJGda2LT/46d7HO8AN0HD5B640/cGeaDd9g+OwFrP"
    "xPTR+uPIvn8/TF83li8bymKKZoQ1J6ITBoHTNxdpZHuHGWLtw4S4Cr2fYzoVNnUQYoYdhk"
    "9U2TnDAD2WtTe1H5vwsAHrdrnct7+TYH2JdvU7Fmp6JQw5WGzCIYbwz2ArdhS+/4WM41MV"
    "9mzMyXianZ1PDCpd6UGOPdyr2wfY3j+d/Ln3uDgoP65O/Xam/QAdx2ihX6Vy9WtPAwzzPK"
    "0wd5YoybBrTMF3Ul3Hz9RIgJNZwy2mOmsR6YUduqumBzpF7K6dNweBNhmz71JzGk75kk80"
    "fvE0ovQt7SRKQkctD8RU2ZYjJxj5vWiHvguhw77PbK3g9031BCnh/yf7kIOiqdwS0BQTde"
    "aaaZutiMmbZIQPfu/MP7zZKT/SNrtTm+7d7cpAELsWCJmQdW31CCGiXpbVWji+Gnoh/DiJ"
    "2cHvJPDwbkuO25v520lntgTd4D2yz79SX13ffq8pQmZL83ud/5TjWXfe27zR02ln3d5L6W"
    "aqV0R6VdaqXEVmb6ztt2eERTYMVcLN/2828jaGqOL2oV73KGE24d2TBI2+lMKrdtdUF9Sn"
    "wYUpH47qOcF/MgVR9GRzmcwvrv/WEKSc3bCBJjeXR4IEZeWM+AN9XSN87Wl9BwTajCbzrk"
    "tzh0XPkNKkF7LQWO/kz9ER2K1icWNEEfpZ0YzbxfJzHKmqggNGyVroTRAkMBAVgEqQH0Wm"
    "gtTMzTlSBlgyTRyUBHhdQHP9TDZBgpT7C1Xvh6SRxyIEZ3rI2W4qNDy0FzpNNfZavItt1D"
    "p6TetsG2QmZqaGWrT9Civ/NguFhjLQVqTucWxruUwRZ89ttqKVRL4lplDalr1pZCV3svLQ"
    "UL4SfkcBBs1RZG2BSBq79praVweYnYyhpdt7y1lkLlaPajrfqE/2E4TWhTLUWJq47YF/5w"
    "hmUQaqqlaGmugZiuhTZ1KIfXZU21eWb/J5mplnvooPqVzEZum4ZToQCx+MSfjuUQwwmhf3"
    "yHk37BKDo/J5Ygjm6bLSs9ks7LOJU7x82dZjkvP6802+ahT0gPMgazJMG256p8BBZc0P9q"
    "JssTzPILI9MEM2gSvAAOAVpqZuKSW98d4fenlxpqrTk8oobj9w8Z9ldn2J8ulNGnR4zoYu"
    "38Kwb7sSeqKdav/DzCkfGftw8iRjIMLV8Y2iMS6Y7zhe0Etk3G+qTXn/ytA3TkvEzxVX88"
    "GfV7kw4wEINed1iy7ZGiTFi2bQtC+u/e8Pb2fuAZkdWKPh6z/HTfv7nqD750wMxFpkE7bY"
    "rvuqPfOmCtWY/s/Lg/UMZjdXuLmWsj+imw1e29bqkFu9eK2kAn/qnJNQZKD6stGn9Yf9xh"
    "bS/Y2ds8oYf0qvSZ7G0i+JD9VxVxedkQ+yati+48yxXeeZYR33mWDPDUDIN6i4I1UDrGIZ"
    "MWjuTzXCP5PGMknydHsikSgn42iZbia5pC+eecGRztukgE59Xw/tONAu5GSq8/7g95ROlW"
    "0slPskPb4ImR0r2JY+spHPJj610vsc2B7WsnjmjQ7Hueb1rImBUSaQxCj5WAeAK/pYzfmF"
    "kLgM6SgCt/8Kiqjfo7APTH2+4fP0WG9M1w8CW4PNQBvZvhpxjw3v4XJk6hoR21agHsNXz3"
    "WIyC+u+Cc0jEqEacuzbS/jJmEVVLDdUD+kUezC/SIb9IIC6DN2sO3pShPuljvV2hPq9bBa"
    "dxnVttHsjaK2E0Dd+03aTTnKUwRorHpmXlgny9+KFmLqOaFxlzLKMymlDpFSNijhIwf2/0"
    "4MA03kpbQXqG8NF8Ufky7DCgvvKWroOG2ghW3QFERwlSfVEfRwuPyqT1C3K4mowB1fPaaq"
    "uebG2Rf0L9UC/qzmulpRhxzethAOXUuh7NK1dIb7eXlMz3NlMFZVtvdJesTA35wJVmav8z"
    "VuWYZQW3lx5ZIvVcteq5HOSYBflb36CFu8OV6BxmxBCUpkzfAQqub8EeRN1bP5GJJAH5jq"
    "xrMdsWMrZHwtAGmBxL7bhmemqt6OWIm5Dzyx91LSQZn76ptakDnBfZuF2LUutWtdNRfy31"
    "po3evFsdBYupbwdjCeC2u+534r1tVN3vW/psFtLMvgNXJ4JVbOT8adYqduVfqSJ6ac4YqS"
    "GGwET0DzLnRbkJhj+z7z7w1sLgx6l7Ad++nbrvZ+dn9M+35x+m7uXFhTZ1P3yAl/QIfEv/"
    "vHx3eflTBzwvNYdFNc1YvyVDpqq+WZ6Vt78b4Y8Em1iOSiyDXiwX3rUuvGV4gQwvOPbwgj"
    "mxVmKAd8dIBbY1Ik0stEBYMwsifjIc9b/0B92bDghaYNFQdzwQav0yxcF5tTu4Ur0TwYWq"
    "hg3Vu0q5UXqT0XDQ73UA/fjqjkUw0uPfiFxiztJjnXTiinKfZFfZ2BjVt8g6q3ayL6O+Rl"
    "HhsZQcF5Ec0zsaSKypz4pBDhlJnPPgHPILC84KUcv6poa3zZ8aoq53Tn86aiT5rN2Ui71V"
    "Sh1IC7RPc3Uaowaio6tJ1cYDba+AEQjJftPJAGItVKaezZ0rhV0cLMznxLV+NuETNAGLfg"
    "c/rk3XBgsLGfZPb8DDA0um8PAAVtojS2nizvhFtOOZkoat6sHagnP0jV7g6EtR6pTqbjbF"
    "U7yxQTa/A0t5YYO5RVb8nxYhDjDIMz4FUNOX9AFMkzxDA8xewPTkL1P6vPDNgt16fP2X6z"
    "v6v7dnf3l4+Ogna/nBnuLgMegN6INbL94Pel4Smz4OvTfgNe1s8Izo3xH9C71bbopirVkQ"
    "O5KheGWGoumpXmrjJ96d53Cw3p2n+lfslMwtIcmfdpE//Iu1L/uzMW7yiC4pRc6XUf+qw7"
    "/n+5A95eeQKpo+qtzMUQ2a1yvJG2XAtQje7EXzxqhN67tSlswZPMT3RkGUpv9YEteGS2KK"
    "wiNSQY0aSeVHElaZBkimATpGbGWOg/Qpor05DiIkS85vQMRGfgJ2MtEeXiUQ0fkTHTQM4L"
    "w8dGRkyUwHlUbphXKI7w9S6+SoUYiWyDSsQwsNte6tlfHVMr66jupxh05NRcrGHeXgCuow"
    "WXBNrIPrC+UuyXHUWCGsBhxsDVAd4yu4NqGxgKqJ8KFR/He8pS5dPbV1VNWdDuIoQZL5IG"
    "rNB5HMqCUQzwjTbqXLaGz/cjWa9iuPoIbxPsBhQSoGms/pFLxVoHjZnsDa1HAH6CaxoXHK"
    "igaRNcSeZsReQx1pJqDQQeuJ3kKkoqngDoWTV7BnkMqUepUphibSWDOuMmV7TRNqrCMM5f"
    "FOMkJeuDtR4jQvfwkEs3FW4uCtUY1ZgzdHjjZtMJtlBB++7E3gjVGLmNUy9oD5GCyM5tZK"
    "whmBkzrldrH4ia1F65RR1QSpyKwVMmvFcYH7WqEpLYRVJgOpPxnIa4T8NGzolhnxI/OstD"
    "DPSjCyRZzQdtBnMEGhNOa76Z8xWUFnSVEFWlAU2iDQPvW4Fx6F5JosKIlYwE9nDZCTJHkO"
    "aKcwlSNDjWSokRjalleV1kNby/tEc4Ttmx3QoYwm/c/9XneijDsgvOU8xeNhr9+9oaa9+x"
    "EP4bAJ44dVG+quxQM5roesmPGXDmBaaF7pWLm5UkY3f2MJPeisYdJrbpQvLFGICRcsS8i1"
    "0r2ZXFMDqJnOkl5/e3cz/NutMphQk9XaJC8rOgHxisnsjmvNYvf5XRncKx3wBLELp/hz97"
    "bPbjHXVojdYTi5VkYdQPictsfwkZWSZTTbUXM2lUSzPcKXZ/rpL1QqOWzTOpQrYcZkUdRX"
    "yow9h4VmaP/yFgBdw/QMTbRAM2RSH6EIxjGz1mFdyQTClnj8tyeAztzGDJvJ8qf59zEN1+"
    "L6HHWFsCsUZu6IaxXY17e58e4IckLp2lpjAebqGlqqbZLiWfhEDciMfGGSC2E6K2lG+iBO"
    "BVdkWh+2748loJjN+4b2YqsaXegK+LHsEZy0rnH4XjR//OqMczFV3XXIfL7HIE61rxHm82"
    "Mayl6pdD6h0v8LxRK7R7SwkRq/fc0f1zGUZhSFOdKRJuIhC+Eda0l+DCPqnxX7BZZK5wIb"
    "Onb6fPLreDhI0wOltxGXWCLdAf8BJrIrAz2Vm1+bmg7tN381tdXM0P6nMnY+oxMYhtlr+f"
    "iy/TQa6M0aiK/lZU6UCuZ9ZPszSMGVZcROLi3zLy1l1on0sd3erBNSGlnW5CVlZpXKzIql"
    "nQgqDx0Y7BYvddQS1KNseSSObH+shHFs7dCVRfDyAtnUJXGtAxH7ylu6DhpqIVa+AOxAnD"
    "55rbT1BWQcsera2uLQPAtj2tA9a6dNSFWpwAy/gAIVZuz9TFdixqeEHMG4mAe+cnGkH+4K"
    "6HpZ42GyhvbykS6d6cqZHl1DC9ADgK54niDXV86oN/pogxl06MWYHVoJYnFLvgHLYj8iz3"
    "4CeQ344lNAaCMWMjxD7+v9gw0sdiVTgPJY4M212Pu3/wh7akIjcmm/KSkPrVceGsCeQDab"
    "FgyZtWnZUAYN+AoBqi1G81UiVNuMp2QJZIxfk2GV5IuM8Wswss2t6hWsrQXLn9CyO33pE1"
    "7h71z2pOMqWAb8GR5gXvUqf4eBJb2HlvoIfb8/Y7GwMaPX/Xni0hbFZ2JFuLcn5bpChp01"
    "NewsTxWss/QqWGeJKlh0xa4WjR0K27ROMp0rsCUjrkVYoVtdU5AKY7wxah3IZ2d5xvFZ+j"
    "g+SxTLDX8tiuxkRwxbuJF9JBvXASaZO9cQG/t0cchMdnCjO5i+jI6bEv+3OwR6a13jhMm8"
    "YWgUnDaZiOc35aoDPOsp7l0rPXpA7Q86QF9CnR5UEZ7iKwp0Bxj0O0Cv6Q56ys0NM/PkxC"
    "azHAzV8fXwKx0dRLWXFNd9puPSo9lt4lqidWLOjtxY19iRz3BWtBe/Kp86gNpNcfeu3wHa"
    "Gk3x1+7Nb7wbnzXzkfchfSk+f2YFCrX5vBm9E1pNFXBJolZ79UzD1vJRnC/yeH4X6Z7fRT"
    "JonIhypGZEjBNhjtTj9/cuc8UhXmbEIV4KUvxt5sl9BIxx4xI8g4aN7jY5BpsP3j5dHbOV"
    "Pd38nlaLZ0hNGLZuFq0kmpsFB4sKO2bvm26tWrQdVcq2qZTUS0m93CwvJ9vw1kcrnHBYYN"
    "qimao0iOkr4Gu4DZXV7SiGcoq1BLo5wo+2zxGh/d2coIYs5EDdKaV5DcVH08ZsCZKPbShT"
    "0m0oAdvvWKckRta1RZHZMld2BNTQTJiSJTvVG5PY7hqwAgc0B8hxj6oEnPOHUh0p1CleaO"
    "HE7+JecEiyD6qJZDsS+Kstn7iJZxOlyA8Hu2UkyY8G1+2OzLomz4A+Ea9UqEMbkDkgGALW"
    "DtAsCBztEeKPgIJgQ4OeMl/A7IXlwifYQKwRzQT3d4yHSAZlldg2i8d6eOAG4K8gyDn38A"
    "CQHewZA8Rjt4BNgWMbjg5kua29ECx+Cxv4LTw8nAKbAOeZTPHaIvTR2EldwwCzIDEwIyy1"
    "P72St2dqtuP9grQIrhTpZlysKbWVdWorpSjqu9gw8SaCohR+2K5N1EIZLD6fIosCujFqTW"
    "anMqCUxJfkaRq2YGhuaM4AwqhbFD6e6fRiekUFETk7Y218wWVo85IH12D6hOpac5aikxak"
    "t7GdDfkQP79tln4m17Q3oWrQ55KxOTI2J6a7aHdsziP96WL4d0toA9saRTAYFtdBDxQmZ2"
    "aWU8wdCPVrf3zdATbztNRnZC/jK+rXUcxG5rP8cs6QUQsLLZ1fXubRI11epuuR2LmY640c"
    "UWmJdJQ3Bi1EuJJaKbIA0CsVAHItCo++d4W/kHmdszqx6FxcdF6/YREpJnlm8SmjW1aNz2"
    "tniq/7X1gxPrRYTvH96Asvw8d/mdOMmX5twTm0LMb8o2JhsUnLFrwjNcxH7CuvIj/dZl6w"
    "I0YS5zw4z1yDLuxUXVsL6GCoI/p6irGOGsbpYM/yjd/C0e5ziYC+Unp9OnlRME/PY8m0w/"
    "FAUZg1w6DLVltdW+hJKxb/IzBt3dCuRMRO7+houlM4k0HcrnVol5/NIICscEaDhGHrwK4k"
    "q8GxxUPb7myFHKc4FTC+/3Tbn0wYH7BpY4q7vZ5yxw9qOksyzY6NlF+VHj9mwX9CnR+7ur"
    "+74TWlO8Bw1yYvKE2tx+P+lwG3tm20wOzK4Z0yUD8PR2rvptu/7fCcqSpLt6GbGlpNcX+g"
    "3o2GX0bKeNwBCNPJmLDtOpvddzy8+d27r03MJ+9ZWHveMdYSD+YeDj73R7c8UJvgObJW/O"
    "jNcMwPsZSDRjOc3QAV2kus7vXK98Jzf6/E5u17satwx7y3c49At4Rh6/CuJFzYxR5ie5Qu"
    "jZvWWGNmc+Roi8yEwdtjtKeYyzGfZ8zH98+S675MGZDAXAZPN1kLxP0Sl1f73bvHkw3IPm"
    "94n9OX1Ngr5jhuK3u64T3NVx37vtdPsp+Pop83i8Z9sgjEbGVPN7qnORewTzeHDWUfN7mP"
    "KQKaFyREnf0naCa7OltWLLKXCuMcGWzykaSpmWyalNHuZNyd9Mef+5wcpQ9s019qTPGn7r"
    "jfo5j8TQ2dn2k2oiPGfFFDV171x6FLDGRvzu1DRJ5f5NnCuUjfwbkQZyGi3bIqykEmLSU1"
    "kIsa2DNNUdhOfnia/OGRqajS36/2pqJy18aevR61lL3elF4XvOyJgqKbnTh6SaFQiKShTI"
    "ojyERGf/mCWEWTkEWtJLCyylw9qG4UECqZF8NWYCmHbRJgHtlRCNiQhRyyAkTZ95B+hYrm"
    "eYybycEqyvEYDbfMCW3cTEIr606+Vt1JLAxELQzr0FoM/JZaimvoM7Mb1cA/LQFZFqDeCz"
    "V3XNNC7lEbdehz5XPzJ9ESMG53wrz45yYHuJuPvwR3B7hxNykHuCFiQMK7A94kiZID4PBS"
    "q6QZuL0IC9alB+R33LQmCK0oktuxXZhHd62fILv8YHiUJ3iU69tcIK2XxCEHgnTH2mjpIH"
    "I0+/FAeCa0iRahU3XyqI0PnpJEKuyjZyeTUn1nF+XNotoFLOcMS3DKzMEzcpYAOTZYW2TF"
    "k5sGanKgYQNshcaA7SbZH8EaWsBbFgJiAbaQSWZTregeuxNfybxTMu9UU/NOlR4VKPNONS"
    "fvVMGA9voD2aucZioOZWf/VUV5XrPxVYVZXo9fZlZJlOsmhGxJXEvgC2bVlooZ1rdvdn7R"
    "6A+nMN5rD3wTpvUhfHZesbC4NIiRrVK3Fz0VjRmO2NUYMBw4K0cbL2wTy1GJZYg482ylfN"
    "RSauRfXWfTsFX58atAWghoo7bTG4ZvW3bTjxTWnZvpefYaNonZ5TZDTRyot+WQQoBu9iN2"
    "sJ/b/Y/dzOcQQ/rLNGzzgk2MndQ4tfCR105iPWbzWk8W1Mlq7dIOBKxOGTtr06Pk2U4ynS"
    "W1mSelP/+9yUz8kvKsk/LUdHE+5ozkW3rKrNEGsuddnmT679KT6b9LJNPnlQGz8umJUY6Z"
    "tY/0KZ2ydMgeMEeMJMi7eWFSLLNscH3roK0kNpbN0kl0fx0PBylRE/718Zg5pDvgP8BEdm"
    "XUQ2gnauYi00HYfsNuW9neUwbYDJ8IB5TImR9Pj38ajYNjDcRz5ssg1vQX4TjDGfMEsVLf"
    "hhQMVwibSG5FQFZtvfy8ZNXWQoYs7Wargm3oenScTQM3N6eyHVS7iSr+TpeAacvVx6GZr7"
    "AotkoyxpM2CoiYjeYxnYTZSivzKM8s+DPETHNjnIIVdDTmkP08tyAEaEWf7SOYIxPa1BN7"
    "gsClvWlxFmUFDaQBA1mQIfgikpuV17DUmDWLcFm7MxPpwi9iRomfsFFz1GYOeYS4JrlZ+b"
    "mf6Oy9SFnM5qpxsKh7ZeuHKhXE+2Sk/O89dYxZpQBu7xcUuJ/0h4NOSKw6xcrv/Stl0FM6"
    "AD4hAwa/+9VZh6IFEGXtw4K1D5fuala4zGTUqnUMTyVIPyNDBHLqV3VzvVwJCdaWS+qOLw"
    "UETSqcWwOJpwDP2YswNC0Vzs31Ek0BmnSRYZEn0eI8U8AXNpMFPwoI+CRlmz6020vZ8upZ"
    "BQWGIRNJ2TaBsm05oO7aJJqxR5qppKGEt2GEeMOwrYQP5xNmCZD2gnbaiWn4u7Ib1NC7Lb"
    "cadiCbnAcbteHQg5aD5jyzx4lg2yF8+jRr80HfXph7C+KJfiywA6HFSVqkQxBqBfw4dS/n"
    "xoep+/7s3Zz++eGtQY+ca2dT95eZTv98//4t/OkjeHhgNc3thwfANhn+DW3wvNQcgJygNW"
    "iItinqvbncymjWVgZ2VzNRtFSGHGxjUdcmxhErR5+g5b1JLFayaGoCoXEL+fAKNhsocoR+"
    "PCwicHkYj5Cy5xA1yyIRjhD0DJAZCSCGUJTBbSeAntF3DZ9DHM1MC6y+gjpaaWaanDliGU"
    "fRM33jN9EyHJVe/7Z78+Mvp+cxpjCYBS4SelvudiQhThfcbgyaobhl92uN4hbZtrsXexsx"
    "lOTtMZG3Fnwij3sWFg1byoJQzakRk+xl/wUtSn7GzST1KcoSYrusDF3xlAACS7mLK0B4Bd"
    "mStRi2ERuJ6m7K3gOsBBr0dtPQkQGclwmNDK3dJHP4LS8B3vYXMhBMi/lQlkR+XnibS+Pz"
    "7SkRgR/sW2VQ9+ySfKR9OqgCgvtPnsyYt8uzeqmP8MXLkRDJpRCZFviz+NkUTsGfJ9sIZ4"
    "O2LnMsyLSyqdRCA9LK5uHRz9J59LMEj56VFSCX0L/+9AD+G1wQ8ZPeTZcu1646wLef4v5A"
    "vRsNv4yU8bgDEFbXFmErO3uKe8Pbuxtlwq8mqzWbgw12dPC5P/LaIHiOrJVfxfvufuJX8O"
    "ZJX6b4d2XU96p6e1sN7NhIuVG6Y3bMopM6HTz82OR+NPCOOa6F/V/16jR/aDrNP+NFjeSC"
    "VFQCEu7B5mytWsjftYnKCbkWBbs4atnCbm4xTftMrEeWJ8faT14tMJeEbZPfct5hEBv793"
    "bYWPZ1k/vad/6YTESc3GkCv6Xp6JOmLYgCzOpc5Y9J9r7npm9vhoMvweXxzdD/ijpgv49q"
    "zFa+as1+1fwV1V49HbWVPd3knuYnN12W7OvsAMCEsQwDLBAG6FMUKnXH7WKZTZOWLfic1Z"
    "C2MCCA9pjWYqZyVmvyrOY59cXfq7idfKvyvFX7rr/k0utY3icpLTmpgIFm+6XFMA1ZSEQF"
    "iG4+0kUVfElDuWWyUwsV7PcfqCPJWcC4aWM3r5Ak9M7u1udIeVlF8rLQC14Cuu2WPiUnw8"
    "LiJ1kBPqu+T6TqBoQGw/AwhD6HWmkhSCkRZkUQumZNKNjxKru3BKMqNYabISWQGYaHW7rS"
    "MDy0y9Ua7lAVyhpNr6QfPK666MWBPhkpY5Z4dqKOupP+4AtPSsvyzzoqfTiK/BQPhur4ev"
    "hVDa6ktyGqvaTr7eDSKb5VGEOs+pd2gD96/Qun+H7Qn6jK792b+66X+pb+LEeFT5rpbma5"
    "BmQl1omo9uSOCrSBUYvWV6WUnyWrlV93L7/4dmMieco8PKVMu5iOfnslYfTksnCpnLBNi2"
    "aq0og2mctShm82FtUMylLmB8zFABXLDyhJy4pIS+8zJPnKXeWdwl/rRsVphkgnAYsSpaTS"
    "eRTOfqmsgj3Km21xsoTblIc/8waACY0FtDqA3ghi42dCvb2PQAN0QcaqMLGYOmTzGtrPrD"
    "o2WBOKOO0eoDm8ZBMxBYkVK7xPYdrHT+yo8sxbPJyUh0YHZT+ipyUvJHmh9KBGCxqocPWi"
    "3ki56k86wLNmEYqjkdLzCJzt4N+Huyk/pjDyMiQ6Jj31Xdzuu85+t0/eu+864937Ahnvwk"
    "8hnDlSlLFRsyaTyXtSY+e5qLHzDGrsPEmNRb6UebGOGLUR6SrqaoXT3RYBO27XQrzLT0ws"
    "Gd906NvL+Epysny+1/Nf7YKoRq0ksJL1lTrgI4U3g1SX/G9F/K/crThst2JEPYlRvzc5EX"
    "7LSgC2jaLCBLrRj3gOgKXW+pW01luWUYpl6xXL9vETcjT/URMbPaGzp1kbPWhzXc5tnrGj"
    "zec81Z3m6Eu+iQJYvAlwCP2b7S4W0Kb95gsMWf0qrr97eACPEK5tvt/iRbvagEkPcXKHp5"
    "pbZOYP9f2JeO5QuWVT55aNTAUqU4EW2zVju70MsmKIn9wpgysupfbtp7jb6yl3PImnputw"
    "zZN4Xim9mz5PzmlA3USYHVP+uOuP2CH4bY2spqTrLJ51QOYbKKbjTRGepxdDShOdv1IxJH"
    "bb1hRDkhR7+qvQXopdw/YztPbq9pipTPzR5MQffEWyT0WkuJ2kUSX3Xw+qMquKTPvRAGJP"
    "pv1owg7K9jskmehdBY/in+xGKen9gS0gV7dDPp1Y9UZNTlK1C1za0T/YwIJrYjk/Iwx+nL"
    "rvz7XLqXt5/u7tT4z6dJYQWWBJVpAVJVmxAO2XJHl6WFN5FPBRibtH+3DtOw8Z94Xx/mFJ"
    "oNZJoNLFn6nyfySwzaSCtkYtlPhd5qODMtigOBm0yZ1QBOaIUetIt/J1lFIeXJc8+Hvm/U"
    "WFukS8/033jpfuMrW13RTW30N+j5TDCcPWTUeVBCx4DtWeBdkjppJ4bgojmYd4lhncvw/i"
    "eVtFxMUOMsV9naZESJgeGKZ4PP0siFLcVt7RiSvKMJUh309Y1sePvq1qbiyZbg6yuxUFN2"
    "EnoRXlRONsSNGok6iZ5PQF2C4sZBSDNWQhN/OSgIb4tpyAhiwkoDKGp+7xahfdeg5ZlDOl"
    "Hj39m7FJyl7uMrac/GaOa6zm3XIKzYApm01Cd6AEXIfWYuALlo/MEcgfthP1gnbvlbIPfK"
    "3QHumoDTlCOUatDIZ6rWAoaDlexgx4YDRUb9tSiyaMZKTpoTDljDI9SoBqL9NxlCjVXafj"
    "KEGKRfntD1U0rLCNUK15LslDqwfxRtoEUVJoFV3XJfEaYjgh9I9y3YxmrehyrzrsHQLC8l"
    "Rr/tATqNa2gzJdtRYa/btVa1+XmgM0PwwXrC2yQja0PbnZh/nU/WU2137qAPsRmaZ9Cp6X"
    "0IL8P/gULMkzWLn68hTwHRN+NClmq+QOxbO8SjHbK4jZHPitUG2S4PrWiRkqCWjUnjREfz"
    "wyheRGelxj3K4Z4Y3sfq0Jb2Q7xOqcznVFdqAjRt/z3jMHwhFIM3dg54iEmd8VciuCnaX5"
    "orIwEoH/m11kK2Hcog2QMoptBfjsk8A5YXtwIueG4Zw1Tjd5nM9y53F+0ky0h4gnZvZd5x"
    "k/Qk0wXaqgp+BZckuCu71J/3eFpf1g1lPMZGZXo+7XQQc8I2dp0GVcQ/Lny6wH6dC3V3wq"
    "A7ZPSlprZuycy1jYEmNh82yUafSFVU2ERX5mcZ61S1trEebRDzGjtsqDasyaaxNWVQYAh0"
    "ZXKp0ajL1dlKrKhnzuaOCNkgIQC7DNf4/aBBrwWmOFrkwEbVH4byFbYVLE9YYoZvF0Mini"
    "q9KgPKSxELIhC/nxF8gQ/ReyEKYRG4nqbpdqO4cc6FK1bis17lJFhtZuyRwWJkmVasQErq"
    "FpsKijWr1T4flhqV7Fxk3b6VZ4W5+5/Ip0hHd4Afwe0g14VTdAfrSqcAW81VUhUMMmElPp"
    "CLyaI2AH34gDcW0bJRCHNfzCNsoRsMg/If9cJ50A/1S2A+BdVJxT+MEOmAC/CfAjfLN4A8"
    "aa41qG9gIc1yEM+p8+AuTYwIa2zZSjQLMgr8OQTTuU1PxulZZ0QOp0QGRxhlfd/XOQYxbC"
    "f2PQwjRYZ7kUcWcZirizpCIus/rzBH5LmT9erfpzZerDrN1T5Y9JZOM0oXfbbJ7eDAdfgs"
    "vjIrgo8MhWt3v3sQ0OQkyo4ZSZO2wXw31GDasCPph66oX+03B4E4H+Uz+O7f3tJ4UO+5hO"
    "RpDkQioJvkMlgQ6xYxVkECI2LVL0lZiKR+7OVEofSLo7GECH0t3JuaAEXHubho5rHsid0i"
    "A8AR4QGZ6iqS4i4MhZvOBIgK5UuJG6u5JjX6XAhsrJZAmB/xA85AWQuR+L5oesbagQDRse"
    "twFYHcs5sZIUyqGNScJEEiZNgbbq3OAFU9zL7PYFstuz/6qwUELpkEkL+I8auCabWI5KLE"
    "MkOs6Os4patiaB574hVomVQx5nzN9ok6LaNN8sUdusBKiY+9o6oKp0Yrm/L/Bhg3VAugu7"
    "WWzk2RZcI6hD5ms+0TkGOxBa4JlYjxufU9cw4KmaToG7ZrWDHh50ba3pyHl5eAAadVPpAl"
    "G0IVhew3kSNmxDzrY1QP7BihJFVnAyk4P0hJu+dVh+XXfiWnpKB+SI5dxYN9l7PhkorDwL"
    "hqxYC/cP1K/98XUH2MybUp+RvZziu9HwV6U36QTChCkeTq6VUQcQPq3s01ml7/PKskcCmC"
    "speyR31OWOekt31OlUbjn2Hvu7EUNZrabJ1WogNvbp4ZCZ7N9G969N+4CLLfZJGSOwPjhp"
    "zF5z6ln9XR2kjLkskDImWHkWpePCdvWRcVWBWmK+I0d7FHHI2WhujL57XjORKFs1tJfCSb"
    "milvWB+qH5oB5hgiOy9l6OIsvi4Z0yoOtbajnFn+9vbmjD9DGm+Ip+tTrAIBhOca876Ck3"
    "N2z9rLNfa5qwIRVOpVAxHXopVCxXqNi4Di67sp3/RhQtbZWwkzJQgQwUwoKl7UIWElCpq6"
    "0eUZ/zLhhBHjGSA3W3XBnCMgpaDfxmjgvb3FLl7dy3W6q83sbCHghqKKq2nbhG39YmqsCb"
    "NskeLgOXOXrqC1rYeKIlYNvuqnYJp/2QonayTpssrtW0bKZSTbiHmjA1LCaCZrausMKEY4"
    "4vbJTpxl5fsicTY5W/AuevTyFIQxYS0d2L72ACOdA1zBlo2TRw8/qGoUElk4y1PcnYPUbC"
    "DGP8eObHnuXyyh1E4Gn6f7ABXK1N8gItVqLx8sP5L1P3l7cXOv37u8vLqXsxvzB++ggsqE"
    "P0BG36lzWxHJsFCbBMYH5kwA9chY3EUQUV3kkG0DbLB5FhA6+rRH/VINsGxS9Xoo1+pL9M"
    "jO5u9UlgW6f2ZBMhUUB88mX4uzIa3CqDSQcsCH1B8ApiZ4r7g/GkP7mf9IeDDkD0VyLHZT"
    "ZTPJ50J4pKDZTR3ag/VjqAKW1YbLEDrbWFbDjF4bPh4+Pe9XB4Qy30JSHmFF8Px3f9SZce"
    "WRJ7jRzNPDze4/wiTxzCRXoYwkVC4kKwQz+uatG3LW7XApV81YHtAWRrCtReWG8MWwf2eR"
    "6wz9PBPk8FG640URXG3WBvDNsH9mWuWeQyYxq5TM4jUir3nUjl9kp54C94DiPdc1e3O5Jd"
    "s0oJ9wFx0Bzpmv+wiRV45Pxp1koch66sgHjPCKW3Iabzwpz6WF4svWtvav/pSw1jyCdo9n"
    "qx2YNfYrszrkHgQ4c14f+bWsmo+1qXz3TaoBMJnWtSVO4plHPESn5783x74RPEgs9uOsgb"
    "gxZGEl/8kgPgi19S8WWnYq7NdqrZZ7UcMm8y3PSN/jT8g62HZ+QbXeXedvt06cq9YJbRYM"
    "xSGdj7rFnz9Ed6dyR6w9TwwtVEFV3Sx3vYpsYp5d/Ln3uDeuaVkkFeay8m0QRfxV/Hw0GK"
    "VHdrEvfhke6A//CckpVBvaVCZy4yHYTtN+y2lZGfGXAziCLueyKiPh48H/PLWQOJiPqYW5"
    "N35Mft2vdBLZ0RC3mM+Z3CqJEUqifVBwY03DVUH6FAPZk+fqNWraP2z3NR++cZ1P65ILnj"
    "8YWWrulCj6FW0GW5UwZX/cGXDvDtqaMSHLFDRyb8n84Uf6Y+DQsznVOnhiVqam7kqWsthD"
    "59ZkGSrVGN1Ug2R462HInmOHC1dgpHt4ftZMKAiItuOyq0LCLILpuedilq1QJHpfasS1u2"
    "LAH7jrRLEcsWUvBHQrkHmGSHp7NYBmioLnZEO1s7NlvixjIJU5P7mrkt+6RR25rJ/m1y/w"
    "ZbFwX7N2Qm+7fJ/St3xdP9zXbtikcWb9ttypz0UchCckc74yxcW+TiyhDcSERAaEg1KSCg"
    "6xrIUbBjvZwIRAmhs6dZkgSNXcdUmRaCdUgSIgmuQ1MzlxzQ25KNLCF2jkTpdyLFCK8jRv"
    "D6iP72tH3cFIonatYCUiJKXL7PQz+/T2ef3yfIZ00Xp9vOxLj2TNtHrEYg+20EErkPWHAf"
    "kKRvA+6EWTgtHz/IF3mmi4v06SKZ9/iYyk3UJhGroNjEDM6JKNVSup5ja3GQnKOZ3nNtuo"
    "0UOj4d9lQWXqKeH3W0LjKdeFe3bh65yDONXKTPIheJSYQvKTXxxnQ6vFGr1sFcyXQtecN0"
    "9NvLG4aJhJzr/7CJZA53MoccLkkd7qAOw4OqcOK+KsnDX8ls5Aqjmfwzp1mk4T/JTLXcWk"
    "KYyDOGIkpQkn51kn5rd2YiveAKPmLUnFQeDnmEuKZcHuVzKenZJsSdUH+GidoYwXd56qu+"
    "S6+v+i5RX3WtWZooQWpWrEZgIUM1Sl98HqH8ml7qQqNgB5z8771yz6TTnvUUj+4HA669ph"
    "9ZzLXX4So/Ue31yR5vTvkqa0OYiCP1u2uI028cr9i3vNSSxNEEG2vpiSWD6yWUcSjpzEKf"
    "rzAnHjOTNEsemqWwRl3K0/eXp0tOK32ot5fTmiOM7OVe3R4zlUrXJitdw4xHTicgbCK5y5"
    "3cJYdLcpc7uMvwoGoUd9mFFtKXJyLRo3fmNFPwuL2mSuZS8pN18pNP0LILiuVCJi3kxipx"
    "8tlLVQBh//IWoltJHmGWLlMoCEhnH0Mm9dOPR65ySfgHdX7M/vv/a+a2hg=="
)
