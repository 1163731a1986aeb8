from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "users" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "public_id" VARCHAR(24) NOT NULL UNIQUE,
    "phone" VARCHAR(11) NOT NULL UNIQUE,
    "password_hash" VARCHAR(255) NOT NULL,
    "display_name" VARCHAR(50) NOT NULL,
    "email" VARCHAR(254),
    "language" VARCHAR(5) NOT NULL /* ZH_CN: zh-CN\nEN: en */,
    "elderly_mode" INT NOT NULL,
    "notify_email" INT NOT NULL,
    "notify_sms" INT NOT NULL,
    "quiet_start" SMALLINT,
    "quiet_end" SMALLINT,
    "is_active" INT NOT NULL,
    "deactivated_at" TIMESTAMP,
    "password_changed_at" TIMESTAMP,
    "last_login_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS "api_tokens" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "created_at" TIMESTAMP NOT NULL,
    "expires_at" TIMESTAMP NOT NULL,
    "last_used_at" TIMESTAMP,
    "revoked_at" TIMESTAMP,
    "user_id" INT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
) /* A bearer token for the JSON API; only its hash is stored. */;
CREATE INDEX IF NOT EXISTS "idx_api_tokens_expires_5af533" ON "api_tokens" ("expires_at");
CREATE TABLE IF NOT EXISTS "sessions" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "key_hash" VARCHAR(64) NOT NULL UNIQUE,
    "created_at" TIMESTAMP NOT NULL,
    "expires_at" TIMESTAMP NOT NULL,
    "last_seen_at" TIMESTAMP,
    "ip" VARCHAR(45) NOT NULL,
    "user_agent" VARCHAR(255) NOT NULL,
    "user_id" INT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
) /* A browser login; the cookie holds the key, the table only its hash. */;
CREATE INDEX IF NOT EXISTS "idx_sessions_expires_6bcc94" ON "sessions" ("expires_at");
CREATE TABLE IF NOT EXISTS "org_nodes" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "code" VARCHAR(32) NOT NULL UNIQUE,
    "name" VARCHAR(100) NOT NULL,
    "name_en" VARCHAR(150) NOT NULL,
    "level" VARCHAR(16) NOT NULL /* CITY: city\nDISTRICT: district\nSTREET: street\nCOMMUNITY: community\nGRID: grid */,
    "path" VARCHAR(255) NOT NULL UNIQUE,
    "depth" SMALLINT NOT NULL,
    "sort_order" INT NOT NULL,
    "households" INT,
    "lat" REAL,
    "lng" REAL,
    "created_at" TIMESTAMP NOT NULL,
    "parent_id" INT REFERENCES "org_nodes" ("id") ON DELETE RESTRICT
) /* A node of the four-level tree (plus grids). ``path`` makes subtree queries one prefix match. */;
CREATE INDEX IF NOT EXISTS "idx_org_nodes_parent__45c10b" ON "org_nodes" ("parent_id", "sort_order");
CREATE TABLE IF NOT EXISTS "centres" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "code" VARCHAR(16) NOT NULL UNIQUE,
    "node_path" VARCHAR(255) NOT NULL,
    "kind" VARCHAR(24) NOT NULL /* CITY: city\nDISTRICT: district\nSTREET: street\nCOMMUNITY: community\nBUILDING: building\nPARK: park\nBUSINESS_DISTRICT: business_district\nMARKET: market */,
    "name" VARCHAR(100) NOT NULL,
    "name_en" VARCHAR(150) NOT NULL,
    "address" VARCHAR(200) NOT NULL,
    "lat" REAL,
    "lng" REAL,
    "phone" VARCHAR(20) NOT NULL,
    "description" TEXT NOT NULL,
    "hours_note" VARCHAR(200) NOT NULL,
    "time_zone" VARCHAR(40) NOT NULL,
    "is_active" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "node_id" INT NOT NULL REFERENCES "org_nodes" ("id") ON DELETE RESTRICT
) /* A Party-mass service centre or station; regional ones still belong to a node. */;
CREATE INDEX IF NOT EXISTS "idx_centres_node_pa_ae76a9" ON "centres" ("node_path", "name");
CREATE TABLE IF NOT EXISTS "role_grants" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "role" VARCHAR(16) NOT NULL /* RESIDENT: resident\nMEMBER: member\nSTAFF: staff\nADMIN: admin\nGRID_WORKER: grid_worker */,
    "scope" VARCHAR(24) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "centre_id" INT REFERENCES "centres" ("id") ON DELETE CASCADE,
    "granted_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "node_id" INT REFERENCES "org_nodes" ("id") ON DELETE CASCADE,
    "user_id" INT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_role_grants_user_id_951dc2" UNIQUE ("user_id", "role", "scope")
) /* A user may act as staff of one centre, or as admin or grid worker of one org node. */;
CREATE TABLE IF NOT EXISTS "centre_notices" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "title" VARCHAR(100) NOT NULL,
    "body" TEXT NOT NULL,
    "published_at" TIMESTAMP NOT NULL,
    "expires_at" TIMESTAMP,
    "centre_id" INT NOT NULL REFERENCES "centres" ("id") ON DELETE CASCADE,
    "created_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_centre_noti_centre__c4366a" ON "centre_notices" ("centre_id", "published_at");
CREATE TABLE IF NOT EXISTS "services" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "code" VARCHAR(16) NOT NULL UNIQUE,
    "category" VARCHAR(24) NOT NULL /* CERTIFICATES: certificates\nSOCIAL_SECURITY: social_security\nHOUSING: housing\nELDERLY: elderly\nLEGAL: legal\nHEALTH: health\nEMPLOYMENT: employment\nPARTY: party\nVENUE: venue\nFAMILY: family\nOTHER: other */,
    "name" VARCHAR(100) NOT NULL,
    "name_en" VARCHAR(150) NOT NULL,
    "keywords" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "fee" VARCHAR(100) NOT NULL,
    "eligibility" VARCHAR(200) NOT NULL,
    "bookable" INT NOT NULL,
    "duration_minutes" SMALLINT NOT NULL,
    "capacity_per_slot" SMALLINT NOT NULL,
    "min_lead_minutes" INT NOT NULL,
    "max_days_ahead" SMALLINT NOT NULL,
    "cancel_cutoff_minutes" INT NOT NULL,
    "max_active_per_person" SMALLINT NOT NULL,
    "max_active_per_beneficiary" SMALLINT NOT NULL,
    "reminder_offsets_minutes" JSON NOT NULL,
    "sort_order" INT NOT NULL,
    "is_active" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "centre_id" INT NOT NULL REFERENCES "centres" ("id") ON DELETE RESTRICT
) /* Something a centre does, with the rules for booking it. */;
CREATE INDEX IF NOT EXISTS "idx_services_centre__5235b5" ON "services" ("centre_id", "sort_order");
CREATE TABLE IF NOT EXISTS "material_items" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "name_en" VARCHAR(150) NOT NULL,
    "form" VARCHAR(24) NOT NULL /* ORIGINAL: original\nCOPY: copy\nORIGINAL_AND_COPY: original_and_copy\nELECTRONIC: electronic */,
    "count" SMALLINT NOT NULL,
    "note" VARCHAR(200) NOT NULL,
    "condition" VARCHAR(200) NOT NULL,
    "sort_order" SMALLINT NOT NULL,
    "service_id" INT NOT NULL REFERENCES "services" ("id") ON DELETE CASCADE
) /* One line of the one-time notice (一次性告知清单): what to bring. */;
CREATE INDEX IF NOT EXISTS "idx_material_it_service_4e2c3d" ON "material_items" ("service_id", "sort_order");
CREATE TABLE IF NOT EXISTS "schedule_exceptions" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "date" DATE NOT NULL,
    "closed" INT NOT NULL,
    "opens" SMALLINT,
    "closes" SMALLINT,
    "reason" VARCHAR(200) NOT NULL,
    "centre_id" INT NOT NULL REFERENCES "centres" ("id") ON DELETE CASCADE,
    "created_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "service_id" INT REFERENCES "services" ("id") ON DELETE CASCADE
) /* A date that differs from the weekly plan: closed, or open with special intervals. */;
CREATE INDEX IF NOT EXISTS "idx_schedule_ex_centre__aa07bd" ON "schedule_exceptions" ("centre_id", "date");
CREATE TABLE IF NOT EXISTS "weekly_hours" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "weekday" SMALLINT NOT NULL,
    "opens" SMALLINT NOT NULL,
    "closes" SMALLINT NOT NULL,
    "centre_id" INT NOT NULL REFERENCES "centres" ("id") ON DELETE CASCADE,
    "service_id" INT REFERENCES "services" ("id") ON DELETE CASCADE
) /* An opening interval on a weekday; several per day leave the breaks between them. */;
CREATE INDEX IF NOT EXISTS "idx_weekly_hour_centre__fe7ba1" ON "weekly_hours" ("centre_id", "service_id", "weekday");
CREATE TABLE IF NOT EXISTS "bookings" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "code" VARCHAR(12) NOT NULL UNIQUE,
    "for_name" VARCHAR(50) NOT NULL,
    "for_phone" VARCHAR(11) NOT NULL,
    "starts_at" TIMESTAMP NOT NULL,
    "ends_at" TIMESTAMP NOT NULL,
    "status" VARCHAR(16) NOT NULL /* BOOKED: booked\nCHECKED_IN: checked_in\nDONE: done\nCANCELLED: cancelled\nNO_SHOW: no_show */,
    "source" VARCHAR(16) NOT NULL /* WEB: web\nAPI: api\nWALK_IN: walk_in\nSTAFF: staff */,
    "holder_key" VARCHAR(40),
    "note" VARCHAR(500) NOT NULL,
    "checked_in_at" TIMESTAMP,
    "cancelled_at" TIMESTAMP,
    "cancel_reason" VARCHAR(200) NOT NULL,
    "rating" SMALLINT,
    "created_at" TIMESTAMP NOT NULL,
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
CREATE TABLE IF NOT EXISTS "slot_usages" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "starts_at" TIMESTAMP NOT NULL,
    "capacity" SMALLINT NOT NULL,
    "taken" SMALLINT NOT NULL,
    "service_id" INT NOT NULL REFERENCES "services" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_slot_usages_service_f82bc0" UNIQUE ("service_id", "starts_at")
) /* How many places of one slot are taken; raised only by a conditional UPDATE. */;
CREATE TABLE IF NOT EXISTS "need_categories" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "code" VARCHAR(16) NOT NULL UNIQUE,
    "kind" VARCHAR(16) NOT NULL /* NEED: need\nSMALL_WISH: small_wish */,
    "name" VARCHAR(50) NOT NULL,
    "name_en" VARCHAR(100) NOT NULL,
    "response_hours" INT NOT NULL,
    "resolution_hours" INT NOT NULL,
    "is_active" INT NOT NULL,
    "sort_order" SMALLINT NOT NULL,
    "centre_id" INT REFERENCES "centres" ("id") ON DELETE CASCADE,
    "node_id" INT REFERENCES "org_nodes" ("id") ON DELETE CASCADE
) /* A kind of need with its promised response and resolution times; per centre or node. */;
CREATE TABLE IF NOT EXISTS "needs" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "code" VARCHAR(12) NOT NULL UNIQUE,
    "kind" VARCHAR(16) NOT NULL /* NEED: need\nSMALL_WISH: small_wish */,
    "node_path" VARCHAR(255) NOT NULL,
    "title" VARCHAR(100) NOT NULL,
    "description" TEXT NOT NULL,
    "urgency" VARCHAR(16) NOT NULL /* LOW: low\nNORMAL: normal\nHIGH: high\nURGENT: urgent */,
    "preferred_time" VARCHAR(100) NOT NULL,
    "wish_item" VARCHAR(100) NOT NULL,
    "budget_cap" VARCHAR(40),
    "address_private" VARCHAR(200) NOT NULL,
    "contact_name" VARCHAR(50) NOT NULL,
    "contact_phone" VARCHAR(11) NOT NULL,
    "status" VARCHAR(16) NOT NULL /* SUBMITTED: submitted\nACCEPTED: accepted\nREJECTED: rejected\nDUPLICATE: duplicate\nASSIGNED: assigned\nOPEN_FOR_CLAIM: open_for_claim\nIN_PROGRESS: in_progress\nRESOLVED: resolved\nREOPENED: reopened\nCONFIRMED: confirmed\nCLOSED: closed */,
    "assigned_department" VARCHAR(100) NOT NULL,
    "status_reason" VARCHAR(500) NOT NULL,
    "unreasonable" INT NOT NULL,
    "unreasonable_reason" VARCHAR(500) NOT NULL,
    "response_due_at" TIMESTAMP,
    "resolution_due_at" TIMESTAMP,
    "responded_at" TIMESTAMP,
    "resolved_at" TIMESTAMP,
    "confirmed_at" TIMESTAMP,
    "closed_at" TIMESTAMP,
    "escalation_level" SMALLINT NOT NULL,
    "rating" VARCHAR(24) /* SATISFIED: satisfied\nBASICALLY_SATISFIED: basically_satisfied\nDISSATISFIED: dissatisfied */,
    "rating_comment" VARCHAR(500) NOT NULL,
    "rated_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "assigned_to_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "category_id" INT REFERENCES "need_categories" ("id") ON DELETE SET NULL,
    "centre_id" INT NOT NULL REFERENCES "centres" ("id") ON DELETE RESTRICT,
    "duplicate_of_id" INT REFERENCES "needs" ("id") ON DELETE SET NULL,
    "node_id" INT NOT NULL REFERENCES "org_nodes" ("id") ON DELETE RESTRICT,
    "posted_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "requester_id" INT REFERENCES "users" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_needs_centre__e48831" ON "needs" ("centre_id", "status", "created_at");
CREATE INDEX IF NOT EXISTS "idx_needs_node_pa_0925b2" ON "needs" ("node_path", "created_at");
CREATE INDEX IF NOT EXISTS "idx_needs_request_fc46e7" ON "needs" ("requester_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_needs_status_a5e0f5" ON "needs" ("status", "response_due_at");
CREATE TABLE IF NOT EXISTS "need_events" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "action" VARCHAR(32) NOT NULL,
    "from_status" VARCHAR(16) NOT NULL,
    "to_status" VARCHAR(16) NOT NULL,
    "note" VARCHAR(500) NOT NULL,
    "data" JSON NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "actor_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "need_id" INT NOT NULL REFERENCES "needs" ("id") ON DELETE CASCADE
) /* One transition of a need; the rates are recomputed from these rows. */;
CREATE INDEX IF NOT EXISTS "idx_need_events_need_id_c34a7f" ON "need_events" ("need_id", "created_at");
CREATE TABLE IF NOT EXISTS "projects" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "code" VARCHAR(16) NOT NULL UNIQUE,
    "title" VARCHAR(100) NOT NULL,
    "description" TEXT NOT NULL,
    "is_active" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "centre_id" INT REFERENCES "centres" ("id") ON DELETE SET NULL,
    "node_id" INT NOT NULL REFERENCES "org_nodes" ("id") ON DELETE RESTRICT
) /* A community's pledge project (e.g. Saturday tutoring); its sessions are tasks. */;
CREATE TABLE IF NOT EXISTS "skills" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "code" VARCHAR(32) NOT NULL UNIQUE,
    "name" VARCHAR(50) NOT NULL,
    "name_en" VARCHAR(100) NOT NULL,
    "sort_order" SMALLINT NOT NULL
) /* The managed list of skills members pledge and tasks ask for. */;
CREATE TABLE IF NOT EXISTS "tasks" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "code" VARCHAR(12) NOT NULL UNIQUE,
    "source" VARCHAR(16) NOT NULL /* NEED: need\nSMALL_WISH: small_wish\nPROJECT: project\nOTHER: other */,
    "node_path" VARCHAR(255) NOT NULL,
    "title" VARCHAR(100) NOT NULL,
    "description" TEXT NOT NULL,
    "starts_at" TIMESTAMP,
    "ends_at" TIMESTAMP,
    "estimated_hours" VARCHAR(40) NOT NULL,
    "capacity" SMALLINT NOT NULL,
    "taken" SMALLINT NOT NULL,
    "claim_days" SMALLINT NOT NULL,
    "status" VARCHAR(16) NOT NULL /* OPEN: open\nFULL: full\nDONE: done\nCANCELLED: cancelled */,
    "created_at" TIMESTAMP NOT NULL,
    "centre_id" INT NOT NULL REFERENCES "centres" ("id") ON DELETE RESTRICT,
    "created_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "need_id" INT REFERENCES "needs" ("id") ON DELETE CASCADE,
    "node_id" INT NOT NULL REFERENCES "org_nodes" ("id") ON DELETE RESTRICT,
    "project_id" INT REFERENCES "projects" ("id") ON DELETE CASCADE
) /* A piece of volunteer work members can claim, up to ``capacity`` at once. */;
CREATE INDEX IF NOT EXISTS "idx_tasks_status_83d465" ON "tasks" ("status", "node_path");
CREATE INDEX IF NOT EXISTS "idx_tasks_centre__9c210c" ON "tasks" ("centre_id", "status");
CREATE TABLE IF NOT EXISTS "task_skills" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "skill_id" INT NOT NULL REFERENCES "skills" ("id") ON DELETE CASCADE,
    "task_id" INT NOT NULL REFERENCES "tasks" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_task_skills_task_id_4bc9d2" UNIQUE ("task_id", "skill_id")
);
CREATE TABLE IF NOT EXISTS "units" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "code" VARCHAR(16) NOT NULL UNIQUE,
    "name" VARCHAR(100) NOT NULL UNIQUE,
    "kind" VARCHAR(24) NOT NULL /* GOVERNMENT: government\nINSTITUTION: institution\nSTATE_ENTERPRISE: state_enterprise\nENTERPRISE: enterprise\nSCHOOL: school\nHOSPITAL: hospital\nOTHER: other */,
    "contact_name" VARCHAR(50) NOT NULL,
    "contact_phone" VARCHAR(20) NOT NULL,
    "contact_email" VARCHAR(254) NOT NULL,
    "created_at" TIMESTAMP NOT NULL
) /* A member's employer (在职单位); receives reports of its members' service. */;
CREATE TABLE IF NOT EXISTS "members" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "real_name" VARCHAR(50) NOT NULL,
    "member_no" VARCHAR(32) NOT NULL,
    "node_path" VARCHAR(255) NOT NULL,
    "status" VARCHAR(16) NOT NULL /* PENDING: pending\nVERIFIED: verified\nDECLINED: declined\nLAPSED: lapsed */,
    "status_reason" VARCHAR(200) NOT NULL,
    "reported_at" TIMESTAMP NOT NULL,
    "verified_at" TIMESTAMP,
    "confirmed_until" DATE,
    "completed_count" INT NOT NULL,
    "no_show_count" INT NOT NULL,
    "community_id" INT NOT NULL REFERENCES "org_nodes" ("id") ON DELETE RESTRICT,
    "grid_id" INT REFERENCES "org_nodes" ("id") ON DELETE SET NULL,
    "unit_id" INT REFERENCES "units" ("id") ON DELETE SET NULL,
    "verified_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "user_id" INT NOT NULL UNIQUE REFERENCES "users" ("id") ON DELETE CASCADE
) /* A user's report-in (报到) to their home community. */;
CREATE INDEX IF NOT EXISTS "idx_members_node_pa_d17391" ON "members" ("node_path", "status");
CREATE INDEX IF NOT EXISTS "idx_members_unit_id_44d086" ON "members" ("unit_id", "status");
CREATE TABLE IF NOT EXISTS "certificates" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "number" VARCHAR(32) NOT NULL UNIQUE,
    "verification_code" VARCHAR(16) NOT NULL,
    "period_from" DATE NOT NULL,
    "period_to" DATE NOT NULL,
    "total_hours" VARCHAR(40) NOT NULL,
    "items" JSON NOT NULL,
    "issued_at" TIMESTAMP NOT NULL,
    "revoked_at" TIMESTAMP,
    "issued_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "issuing_node_id" INT NOT NULL REFERENCES "org_nodes" ("id") ON DELETE RESTRICT,
    "member_id" INT NOT NULL REFERENCES "members" ("id") ON DELETE RESTRICT
) /* A volunteer service certificate (志愿服务证明); ``items`` freezes what it certified. */;
CREATE TABLE IF NOT EXISTS "claims" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "code" VARCHAR(12) NOT NULL UNIQUE,
    "status" VARCHAR(16) NOT NULL /* CLAIMED: claimed\nIN_PROGRESS: in_progress\nCOMPLETED: completed\nCONFIRMED: confirmed\nDISPUTED: disputed\nVERIFIED: verified\nRELEASED: released\nRETURNED: returned */,
    "active_key" INT,
    "due_at" TIMESTAMP NOT NULL,
    "claimed_at" TIMESTAMP NOT NULL,
    "work_started_at" TIMESTAMP,
    "work_ended_at" TIMESTAMP,
    "completion_note" TEXT NOT NULL,
    "completed_at" TIMESTAMP,
    "confirmed_at" TIMESTAMP,
    "auto_confirmed" INT NOT NULL,
    "dispute_reason" VARCHAR(500) NOT NULL,
    "verified_at" TIMESTAMP,
    "ended_reason" VARCHAR(500) NOT NULL,
    "ended_at" TIMESTAMP,
    "member_id" INT NOT NULL REFERENCES "members" ("id") ON DELETE RESTRICT,
    "task_id" INT NOT NULL REFERENCES "tasks" ("id") ON DELETE RESTRICT,
    "verified_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    CONSTRAINT "uid_claims_task_id_bd7a01" UNIQUE ("task_id", "active_key")
);
CREATE INDEX IF NOT EXISTS "idx_claims_member__de4b6e" ON "claims" ("member_id", "claimed_at");
CREATE INDEX IF NOT EXISTS "idx_claims_status_a8e433" ON "claims" ("status", "due_at");
CREATE TABLE IF NOT EXISTS "photos" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "public_id" VARCHAR(24) NOT NULL UNIQUE,
    "stage" VARCHAR(16) NOT NULL /* REQUEST: request\nRESOLUTION: resolution\nEVIDENCE: evidence */,
    "path" VARCHAR(255) NOT NULL,
    "thumb_path" VARCHAR(255) NOT NULL,
    "width" INT NOT NULL,
    "height" INT NOT NULL,
    "bytes" INT NOT NULL,
    "approved" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "claim_id" INT REFERENCES "claims" ("id") ON DELETE CASCADE,
    "need_id" INT REFERENCES "needs" ("id") ON DELETE CASCADE,
    "uploaded_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL
) /* A re-encoded, metadata-free image; files live under the media directory. */;
CREATE TABLE IF NOT EXISTS "feedback" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "kind" VARCHAR(24) NOT NULL /* RESIDENT_RATING: resident_rating\nNO_SHOW_RESIDENT: no_show_resident\nMEMBER_NO_SHOW: member_no_show\nUNIT_EVALUATION: unit_evaluation */,
    "score" SMALLINT,
    "comment" VARCHAR(500) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "author_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "claim_id" INT REFERENCES "claims" ("id") ON DELETE CASCADE,
    "member_id" INT NOT NULL REFERENCES "members" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_feedback_member__b67e05" ON "feedback" ("member_id", "created_at");
CREATE TABLE IF NOT EXISTS "hours_entries" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "kind" VARCHAR(16) NOT NULL /* CREDIT: credit\nCORRECTION: correction */,
    "service_date" DATE NOT NULL,
    "hours" VARCHAR(40) NOT NULL,
    "description" VARCHAR(200) NOT NULL,
    "node_path" VARCHAR(255) NOT NULL,
    "verification" VARCHAR(32) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "claim_id" INT REFERENCES "claims" ("id") ON DELETE RESTRICT,
    "corrects_id" INT REFERENCES "hours_entries" ("id") ON DELETE RESTRICT,
    "member_id" INT NOT NULL REFERENCES "members" ("id") ON DELETE RESTRICT,
    "verified_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL
) /* The volunteer-hours ledger: append-only; a correction is a new row pointing at the old. */;
CREATE INDEX IF NOT EXISTS "idx_hours_entri_member__b5caf4" ON "hours_entries" ("member_id", "service_date");
CREATE INDEX IF NOT EXISTS "idx_hours_entri_node_pa_5a6f93" ON "hours_entries" ("node_path", "service_date");
CREATE TABLE IF NOT EXISTS "invitations" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "code" VARCHAR(12) NOT NULL UNIQUE,
    "status" VARCHAR(16) NOT NULL /* PENDING: pending\nACCEPTED: accepted\nDECLINED: declined\nEXPIRED: expired */,
    "reason" VARCHAR(500) NOT NULL,
    "score" JSON NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "answered_at" TIMESTAMP,
    "invited_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "member_id" INT NOT NULL REFERENCES "members" ("id") ON DELETE CASCADE,
    "task_id" INT NOT NULL REFERENCES "tasks" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_invitations_task_id_449f12" UNIQUE ("task_id", "member_id")
) /* Staff dispatching a task to a suggested member; ``score`` keeps the reasons shown. */;
CREATE TABLE IF NOT EXISTS "pledges" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "text" VARCHAR(500) NOT NULL,
    "availability" JSON NOT NULL,
    "date_from" DATE,
    "date_to" DATE,
    "monthly_tasks" SMALLINT,
    "monthly_hours" VARCHAR(40),
    "valid_until" DATE NOT NULL,
    "status" VARCHAR(16) NOT NULL /* ACTIVE: active\nWITHDRAWN: withdrawn */,
    "created_at" TIMESTAMP NOT NULL,
    "member_id" INT NOT NULL REFERENCES "members" ("id") ON DELETE RESTRICT
) /* What a member promises (承诺): skills, where, when, how much, until when. */;
CREATE INDEX IF NOT EXISTS "idx_pledges_member__5b70a2" ON "pledges" ("member_id", "status");
CREATE TABLE IF NOT EXISTS "pledge_areas" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "node_id" INT NOT NULL REFERENCES "org_nodes" ("id") ON DELETE CASCADE,
    "pledge_id" INT NOT NULL REFERENCES "pledges" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_pledge_area_pledge__e0678b" UNIQUE ("pledge_id", "node_id")
) /* A community or grid where a pledge applies. */;
CREATE TABLE IF NOT EXISTS "pledge_skills" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "pledge_id" INT NOT NULL REFERENCES "pledges" ("id") ON DELETE CASCADE,
    "skill_id" INT NOT NULL REFERENCES "skills" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_pledge_skil_pledge__10258b" UNIQUE ("pledge_id", "skill_id")
);
CREATE TABLE IF NOT EXISTS "notifications" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "to_address" VARCHAR(254) NOT NULL,
    "event" VARCHAR(48) NOT NULL,
    "channel" VARCHAR(8) NOT NULL /* INBOX: inbox\nEMAIL: email\nSMS: sms */,
    "language" VARCHAR(8) NOT NULL,
    "payload" JSON NOT NULL,
    "subject_type" VARCHAR(24) NOT NULL,
    "subject_id" INT,
    "dedupe_key" VARCHAR(200) NOT NULL UNIQUE,
    "status" VARCHAR(16) NOT NULL /* PENDING: pending\nSENDING: sending\nSENT: sent\nFAILED: failed\nCANCELLED: cancelled */,
    "urgent" INT NOT NULL,
    "attempts" SMALLINT NOT NULL,
    "last_error" TEXT NOT NULL,
    "send_after" TIMESTAMP NOT NULL,
    "claimed_until" TIMESTAMP,
    "sent_at" TIMESTAMP,
    "read_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "user_id" INT REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_notificatio_status_da64b0" ON "notifications" ("status", "send_after");
CREATE INDEX IF NOT EXISTS "idx_notificatio_user_id_df619b" ON "notifications" ("user_id", "channel", "read_at");
CREATE INDEX IF NOT EXISTS "idx_notificatio_subject_0aeca0" ON "notifications" ("subject_type", "subject_id");
CREATE TABLE IF NOT EXISTS "audit_entries" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "actor_label" VARCHAR(60) NOT NULL,
    "action" VARCHAR(48) NOT NULL,
    "object_type" VARCHAR(24) NOT NULL,
    "object_id" VARCHAR(40) NOT NULL,
    "node_path" VARCHAR(255) NOT NULL,
    "before" JSON,
    "after" JSON,
    "ip" VARCHAR(45) NOT NULL,
    "user_agent" VARCHAR(255) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "actor_id" INT REFERENCES "users" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_audit_entri_node_pa_8d0b54" ON "audit_entries" ("node_path", "created_at");
CREATE INDEX IF NOT EXISTS "idx_audit_entri_actor_i_d9ddac" ON "audit_entries" ("actor_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_audit_entri_object__869104" ON "audit_entries" ("object_type", "object_id");
CREATE TABLE IF NOT EXISTS "job_runs" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "public_id" VARCHAR(24) NOT NULL UNIQUE,
    "kind" VARCHAR(32) NOT NULL,
    "params" JSON NOT NULL,
    "status" VARCHAR(16) NOT NULL /* QUEUED: queued\nRUNNING: running\nDONE: done\nFAILED: failed */,
    "done" INT NOT NULL,
    "total" INT NOT NULL,
    "result_path" VARCHAR(255) NOT NULL,
    "error" TEXT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "finished_at" TIMESTAMP,
    "owner_id" INT REFERENCES "users" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_job_runs_owner_i_714c09" ON "job_runs" ("owner_id", "created_at");
CREATE TABLE IF NOT EXISTS "scheduled_jobs" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "function" VARCHAR(64) NOT NULL,
    "args" JSON NOT NULL,
    "run_at" TIMESTAMP NOT NULL,
    "status" VARCHAR(16) NOT NULL /* PENDING: pending\nRUNNING: running\nDONE: done\nCANCELLED: cancelled\nFAILED: failed */,
    "dedupe_key" VARCHAR(200) NOT NULL UNIQUE,
    "subject_type" VARCHAR(24) NOT NULL,
    "subject_id" INT,
    "attempts" SMALLINT NOT NULL,
    "last_error" TEXT NOT NULL,
    "claimed_until" TIMESTAMP,
    "finished_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL
) /* A job to run at a future time. The row is the truth; Redis only carries the wake-up, */;
CREATE INDEX IF NOT EXISTS "idx_scheduled_j_status_ea9fb0" ON "scheduled_jobs" ("status", "run_at");
CREATE INDEX IF NOT EXISTS "idx_scheduled_j_subject_53b824" ON "scheduled_jobs" ("subject_type", "subject_id");
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSON NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztXWtz2za6/isYf2k742Rjx046ys6ZUWQmVmtLPpLcdLfaYSgSklBThJYXO96z/e8HAE"
    "mJF5AiJZKmEMzspgmJF6QegMCL573938kKG9B0XnfXaIIfoHXSAf93YmkrSP6SuncKTrT1"
    "enuHXnC1mckaa2ukurQZu6zNHNfWdJfcmWumA8klAzq6jdYuwvQpJ10wg5oNbcCEwByTvy"
    "0h+GU8HIDuXf8DwJb5DJDrgKXmLAFygONiGxqvafcG1kn/yFoc3JNnoX97kLz5AhIhm/T3"
    "x7/IZWQZ8Bt0wn+uH9Q5gqYRgwcZtAN2XXWf1+xa33I/sYb0JWeqjk1vZW0br5/dJbY2rZ"
    "Hl0qsLaEFbcyHt3rU9CpblmWaAbIif/6bbJv4rRmQMONc8k0JOpf0X2F47UdXBcKKOlYmq"
    "nqSGI5SI4Bpc0rFFh5K8qsN+/YK+wqvzs4v3Fz+/fXfxM2nCXnNz5f1f/qO3wPiCDJ7B5O"
    "Qvdl9zNb8Fw3gLKhtDlQ5UGtzeUrP56MalEiiT10+iHGLaXphX2jfVhNbCXZJ/vrvIwfS3"
    "7qh33R39+O7iJ/pATD47/4scBHfO2S0K+xZm3YYUClVz0zBfkTsuWkE+1HHJBNRGIPo6/M"
    "s+wIcXtshvl5AmoCc/0BiSJSMY8hzoJ/1bZTzp3t7Rx60c598mw687Ueidc3b1OXH1x3eJ"
    "Ydp0Ar70J9eA/hP8czhQGLzYcRc2e+K23eSfJ/SdNM/FqoWfVM2IzM7waohabNThtzUive"
    "0x6nHJZka9ye/tSAY5BCl3lE3NcVXP2evrTspWMNLBMLbl8xZppG34SDa+fcY5LilHuc2j"
    "TD5HWy2lbEYkdmucx7AlV6B0UjV+/sDVOSlcaXQ/kTMCWli/wmcGcp+8kWbpkANqcE66D7"
    "o5MnD/CmdPeHX7Ndva0+bcE51U5LeTXwxdXyvvjnvdK+WEITzT9IcnzTbUGNT0Dj7HiSub"
    "tulbq/NV8opmaQsGDv0V9J0D1EfYhJ9tjb126ui6vXmad3a1STN1QdsVPrxSNMBKewakHd"
    "DokVKbzwEm/7Mg0KHl2kSMnETJLc1YIYv+fWEjAzxh+4GIBi2xvQAWeSHeqbaOR3COu39s"
    "5j+Fgf7X0TGZ2P+S5+AXPAeHY5E+ASuWt0qtSPHNPZCt5hxcz/J0MlLG/StlMOkAslUig0"
    "znqXWr3H5URh2wgqsZtKcW2Tk/fer4E39qda9u+4OOP9en1udR/0r9Mhz9SgXotFf9aZ/8"
    "kIqcr8/eFThfnyV1gO35mt6Kn6/9T4g7fvzvYiPQ5kHbk744L0JfnGfTF+eSvpD0BR07tu"
    "eVU4VjMnspwy072VSz8WxBZWoP+SBmz+WATclJcNPgUr2rHKwRCQloGlB5FpZn4WM4C6e3"
    "rQpA7W06Oq5FoCiqsb16N650qawA1aG9GAQ9iQlrZEvZDep2W29uFThSXFMaUAxd8hZgcH"
    "9z81K82Bg6jv/DU6xYeOs0jxNz/EbFvTls/EQJKxMvkPWBeWDoGD8gCJaYvC+78ACfT9lf"
    "2FPifhlcv44q+pQeHu1itsiAlfbviMpI744EPSK9OyQ9QruQ3h3fgzWYeWg4EFr7endEZK"
    "Xdv80jjdZltki/dXPWg5OTRjbHi8sCm+PFZebmSG9xKCSiM1uczycb3riUcDCfXxbBmbTK"
    "NtJc8pGWZJ0k61pO1r3MAZ2hzjmdh6ORfTSnP6jYuTwbS3kqbtepeO3NTKRzV8vsTSkm1N"
    "S5+OTvc8/SKX6AzMNHaL8OJu5Mc+BrCz75YUD/09DGVblvwZqgWMp1YyMgHDNxdlbEL+Ys"
    "2y/mLAWu5jhPmCydZRmglKCIfjJ1KGEGctam9qyyf5cAPCknnMp7+aYA2JdvMrGmt+JQw5"
    "WGzDIYbwT2ArdlR+/kXC60MF/mrMyXqaXZ1KyFR7QpPsa7HSOj8g3O5/8sX/UGJSf1yT+v"
    "1d6gA5js1FLIX/0I3NLTvMgsz57kqTluGtA2n9UV1/j6EWMTalbGbE+IJkZgRmTrGoLNlW"
    "Ypp4/D4U2MbfrYnySQvqcerz/6WyhphPyjCc+TyEXzZzVjicnFPSnaIO6h6nLssDsrZz/Q"
    "A0EJeXHI/+0h6KpkBbc5BN14pZlm5mEzISqQA93b8/fvNkdO+o+80+b4tntzkwUstDhHzC"
    "KwBoIS1DhJ76gaOQw/lt0MY3JyeSi+PBiQ4banfTstLW1gbbaBbY79+pLo7nsNeUYXctzb"
    "PO7MUs3cvvY1c0eF5Vi3eaylt1K2oiKWt1LKlJltedtOj3hisYSKFch++nUETc0NnFr5Vs"
    "5oGrMjmwZZls6057ajLohOaR2GVCxq/ijXxSJINYfRUU6nqP/3/jBFXM1FBImyPDo8ECM/"
    "rGfAuhL0i3P0JTQ8E6rwmw7ZIw6dV0GHStifoMCRn6k/oEPR+kiDJsiriInRzP91EqO8hQ"
    "pCw1HJSRgtLMghAMsgNYB+D8LCRDVdCVI+SBKdHHRUSHTwQzVMipHyCIXVwtdL7OIDMbqj"
    "fQiKjw5tF82RTn6VoyLH8Q5dknrbDkWFzNTQylEfoU1+58Fw0c4EBWpO1hbKu1TBFnwK+h"
    "IUqiX27Kqm1DXtSyGnvWdBwULWI3IZCI7qcCNsysDV3/QmKFx+nruqZtct601QqFzNeXDU"
    "gPA/DKcJ6UpQlJjXEd3hD2dYBpGuBEVL8wxE/VpIV4dyeF3alcgr+594ptreoZPqFzwbeS"
    "JNp1IBYsmFPxvLoQUnmPzxHS76JaPogpxYnDi6bbas7Eg6P+NU4Rw3d5rtPr9aaY7DQp+Q"
    "HuZhpqmXHV9V+QBsuCD/1UyafZlmbUamCWbQxNYCuBhomfmeK+59d4TfH35qqLXmsogaht"
    "+/ZNhfk2F/OteNPjtiROf7zr9gsB99o4Zi/apP0xyb/0XHICYkw9CKhaE9IJ7fcbGwnVC2"
    "zVif9PqTf3SAjtznqXXVH09G/d6kAwxEodddmst8pCgTmszchpD8uze8vb0f+EJ4tSKvRy"
    "U/3vdvrvqDzx0w85BpkEGbWnfd0a8dsNbsB3p/3B8o47G6fcTMcxDZChx1+6xbIkGftSIy"
    "0E1uNYXmQOVhtWXjD5uPO2zsAzt7UyT0kLTKXsnepIIP6X9VHpeXD3EgIlx051mh8M6znP"
    "jOs3SAp2YYRFvknIGyMY6ICDiTzwvN5POcmXyenskmzxH0k4m1DF3T5Lp/zqnA0Z6LeHBe"
    "De8/3ijgbqT0+uP+kEWUbl062U16aRs8MVK6N0lsfQ+H4tj67SW2BbB96cQRLVp9z4stCz"
    "mrQiqNQeS1UhBP4LeM+ZsQEwDoPBdw5XcWVbXx/g4B/fG2+/tPsSl9Mxx8DptHBqB3M/yY"
    "AN63f1nYLTW141ICwN7AvkdjFNT/lFxDYkIN4tx1kPa3MY2oWmqoGdAvimB+kQ35RQpxGb"
    "zZcPCmDPXJnutihfq8bBWc1g1uvXkgG6+E0TZ8s6xJpwVLYYwUn03LywX5cvFD7TxGtS8y"
    "5lhmZTyh0gtGxBwlYIFt9ODANNaLqCA9QfhgPqvsGHYYUF9YT9dhRyKC1XQA0VGC1FzUx9"
    "HCo1LX+gU+3JuMAtXz+xLVn2xt4z+hfqgWdef3IihGzOf1MIAK+roezSdXyt9uL1eyQNvM"
    "dCjbaqO73MrUiA5ca6b2PxJVjmlWcGfpkyXSn6tRfy4XuWZJ/jYQENA6XIufwwwbnNKU2R"
    "agsL0ANoimTT+xhSQF+Y6sawlZARnbI2FoQ0yOpXZcOzU1IUY5piYU3PnjqoUk47ONWps6"
    "wEWRTcoJlFq3LktH87XU2zZ7i5o6ShZT307GCsAVu+536rttVd3vW/JuNtLMvgtXJ5xTbO"
    "z+ad4pdhW0VBFpWjBGamhBYCLyB56zotzYgq/ovg/8szD4cepdwDdvpt672fkZ+fPN+fup"
    "d3lxoU299+/hJbkC35A/L99eXv7UAU9LzaVRTTM6bumQqbofVuTkHVgjgpngYNtVsW2Qxv"
    "Lg3ejBW4YXyPCCYw8vmGN7xQd4d4xUKNsg0thGC2RpZknET4aj/uf+oHvTAWEPNBrqjgVC"
    "rZ+nVnhf7Q6uVP9G2FDVLEP1Wyk3Sm8yGg76vQ4gm6/u2thCenKPKOTMWXmsk449Xu6T/C"
    "obG6HmDlln9S72VdTXKOt4LF2Oy7gckycaiO9TnxeDHBGSOBfBOaIXllwV4pLNLQ1v2r80"
    "xFXvgvp0XEjyWbspF2frKXUgLSCez9VpghqIz642VRsPfXs5jEDE7TebDMD2QqXes4Vzpd"
    "DG4cF8jj37lQkfoQlo9Dv4cW16DljYyHB+eg2+fqXJFL5+BSvtgaY08WasERl46klDT/Vg"
    "bcM5+kYauPqSlzqlvodNram1kUEOewJNeeGAuY1X7J82xi4w8JN1CqCmL8kLmCZ+ggaYPY"
    "Ppyd+m5H3h6wV99Pj6b9d35H9vzv729euHIFnLD87UCl+DPIC8uP3s/6CnJXbI65BnA1bT"
    "zgFPiPwdkb+QpxWmKNaaDS1XMhQvzFC0PdVLY/zE2/MCCtbb80z9it6SuSUk+SMW+cN2rH"
    "3Zn41wm2d0RSlyPo/6Vx22n+9D9lSfQ6ps+qhqM0e1aF2vJW+UAdc8ePMPzRshkc53lRyZ"
    "c3iI742CqMz/Y4k9By6xyQuPyAQ1LiQ9P9KwyjRAMg3QMWIrcxxkLxHi5jiIkSwF94CYjN"
    "wCdjLRPl4VENHFEx20DOCiPHRsZslMB7VG6UVyiO8PknDuqHGIlsg07EMLDQn31cr4ahlf"
    "3UT1uEOXpjJl445ycoV1mGy4xvbB9YUKl+Q4aqyQpYYcbANQHeMnuDahsYCqiaxDo/jvWE"
    "9dcnoSdVY1nQ7iKEGS+SAazQeRzqjFcZ7hpt3KdqNxguZqPO1XEYcayvsAlwapGGg+J0vw"
    "1gPFz/YE1qZmdYBuYgcap7RoEF5Dy/cZcdZQR5oJCHTQfiSP4HnR1PCE0skr6DtIz5RmPV"
    "MMjedjTbnKDPOaxvWxjjGUx7vIcHnh7kRJ0rzsI+CsxnmJg7dCDWYN3lw52rTBdJXhbHz5"
    "RuCNkEDMahU2YDYHS6O5lZJwxuAkSrlTLn5iKyGcZ1Q9QSoya4XMWnFc4L5UaIqAsMpkIM"
    "0nA3mJkJ+WTd0qI35knhUB86yEM5vHCW0nfQ4TFEljvpv+GeMVdJcEVaCFRaENDJ1Tn3th"
    "UUieSYOSsA2CdNYAuWmS54B+SlM5MtRIhhrxoRW8qrQeMS3vE80RlW93QIcymvQ/9XvdiT"
    "LugKjJeWqNh71+94aI9u5HLITDwZQfVh2oezYL5Lge0mLGnzuA+kKzSsfKzZUyuvkHTehB"
    "Vg2TtLlRPtNEISZc0Cwh10r3ZnJNBKBmukvS/vbuZviPW2UwISKrtYmfV2QBYhWT6RPXmk"
    "2f85syuFc64BFaHpxan7q3ffqIubZC9AnDybUy6gDM1rQ9po+slCyj2Y6as6klmu0BPj+R"
    "rb9UqeSojHAo18KMyaKoL5QZew5LrdBBcwGAbmB5hiZaoBkyiY5QBuOEmHBY17KA0CMe++"
    "0poHPNmFExWf60uB3T8Gzmn6OukOVxHTN3xLVy5Jszbrw9gpxQurbWaIC5uoa26pi4fBY+"
    "XgcyI1+U5EIWWZU0I3sSZ4LLE20O23fHElBM131De3ZUjRx0OfxY/gxOSzc4fS/aP391yr"
    "mYqu65eD7fYxJnyjcI8/kxTWW/VDpbUMn/uc4Su2c0t5MG9772z+sESjOCwhzpSOPxkKXw"
    "TvQkN8OY98+K/gJbJWuBA10nez35ZTwcZPkDZfeRdLFEugv+C0zk1AZ6Jje/NjUdOq//bm"
    "qrmaH9T23sfM4gUAzzz/LJY/tpPNCbdpA8y8ucKDWs+8gJVpCSJ8uYnDxaFj9ayqwT2XNb"
    "3KwT0jWyqsVLupnV6mZWLu1EWHnowGC3ZKkjQVCPs+WxOLL9seLGsYnhVxbDyw9kU5fYsw"
    "9E7Avr6TrsSECsAgewA3H66Pci6gdIOWLVc7TFoXkWxqSje9qPSEjV6YEZ/QA5XpiJ7zPb"
    "EzO5JBQIxrVY4CtzjgzCXQE5L2ssTNbQnj+QozM5OZOra2gDcgGQE88jZP6VM6KNPjhgBl"
    "3S2KKXVpxY3IofQLPYj/BTkEBeA4HzKcCkExsZvqC/e//gAJu2pB6gLBZ409by/x28wp4+"
    "oTF36aAr6R7arHtoCHsK2XxaMCIm0rGhChrwBQJUBUbzRSJURcZTsgQyxq/NsEryRcb4tR"
    "jZ9lb1Cs/WnONP5NidffSJnvB3HnuyceUcA/6ITjC/elVgYaBJ76GtPsBA7885LGzESLs/"
    "TjzSI/9Oogj39qY8V8iws7aGnRWpgnWWXQXrLFUFi5zY1bKxQ1EZ4VymCwW25MS1cCt0q2"
    "sCUmmMN0LCgXx2VmQen2XP47NUsdzoblHGkh0TFNCQfSSG6xCTXMs1tIx9hjgiJge41QNM"
    "PkbXy4j/2x0CvZVucMGk2jA0Si6b1InnV+WqA3zpqdW7VnrkgtofdIC+hDq5qCJral0RoD"
    "vAIPsAadMd9JSbGyrmuxObVHIwVMfXwy9kdmDVWRJc91mOK49md7Bn886JBQdyI93gQD7B"
    "WdlR/KJ87AAiN7W6d/0O0NZoan3p3vzKhvFJMx/YGJKP4tMnWqBQm8/bMTqR01QJlSQutd"
    "fItOwsH8f5oojmd5Gt+V2kg8YxL0dqTsQ45uZIPX5977JQHOJlThziJSfF32ad3MeBMSlc"
    "gWbQstktkmKw2fD2GeqErBzp9o+0Wj5DakpQuFW0lmhuGhzMK+yYbzfdSglkjqrEbCpd6q"
    "VLvTSWV5NteKujlU44zBEVaKWqDGLyCQQ+3IZK63aUQzlDWgLdHscP0deIiH23IKgRCTlR"
    "d7rSvITHR9vmbAUuH9tQprTaUAG237GfEh9Zz+FFZstc2TFQIythRpbsTG1MYrtrwnIU0A"
    "IgJzWqCnAuHkp1pFBnaKGlE7/zR8HF6TGoJ5LtSOCvt3ziJp6NlyI/GuyWkyQ/Hly3OzLr"
    "Gj8B8kasUqEOHYDnAFsQ0H6AZkPgag/Q+gAICA40yC3zGcyeaS58bBmIdqKZ4P6O8hDpoK"
    "wK+6bxWF+/MgHwdxDmnPv6FSAntBkDxGK3gEOAowZHF9Lc1n4IFnuEA4Ievn49BQ4G7hOe"
    "Wmsbk1ejN3XNAhYNEgMzTFP7k5asP1NzXP8XZEVwZbhuJp01pW9lk76V0inquzCY+AtBWQ"
    "o/KicStVAFi8+WyLKAboSEyexUBZSS+JI8TcsODIV4mpeJzRlAGNeLotdztV6LtKghJGdn"
    "sE3gcRmxXrLoGou8obrW3CXvpg3JYxx3wz4k72+7JfvkmgwnVA3yXjI4RwbnJBwvxA7OeS"
    "A/nQ//bh/aULZBLxgLlneEHijUn5lKTi2mQahf+uPrDnCoqqU+IWeZPFK/jMtsbD0r7s8Z"
    "ERKw0tL55WURh6TLy2yHJHovoXsjl1dbIhvljYCACNdSLEVWAHqhCkCeTeDR9y7xFxFvcl"
    "XHNlmLy67rNzQkxcRPNEBldEvL8fn9TK3r/mdajQ8tllPrfvSZ1eFjv8xtx0q/tuEc2jal"
    "/lG5uNi0pADfSAPrEd3lVRTk2ywKdkxI4lwE55lnkIOdqmtrDh8MdUQ+Tz7WccEkH+xLvg"
    "56OFpDFw/oK6XXJ4sXAfP0PJFNOxoQFIdZMwxybHXUtY0etXIBQBxR4aZ2LV7s5Imuprul"
    "Uxkk5YRDu/p0BiFkpVMapASFA7uWtAbHFhDteLMVct3yVMD4/uNtfzKhfMCmj6nV7fWUO3"
    "ZR02mWaXptpPyi9Ng1G/4JdXbt6v7uhhWV7gDDW5usojSRHo/7nwdM2nHQwqIth3fKQP00"
    "HKm9m27/tsOSpqo034Zuamg1tfoD9W40/DxSxuMOQBZZjDG11zn0uePhzW/+cx1sPvrvQv"
    "vzr9GeWDT3cPCpP7plkdrYmiN7xa7eDMfsEs05aLRD2Q1RIaNEC1+vAi288H7FFxfvw65D"
    "HfO/zj0i3VKCwuFdS7ywZ/mI7VG7NCnaYJGZzZWjrTITBW+P2Z4hLud8kTmftJ+lz325fk"
    "AccRk93WZnIKaXeKzc794jnu5AjnnLx5x8pMZeQcdJWTnSLR9pdurY97t+lON8FOO8OTTu"
    "k0YgIStHutUjzbiAfYY5KijHuM1jTBDQ/Cghouw/QjM91Pl+xTx56WJcIIVNMZI0M5VNm1"
    "LanYy7k/74U5+Ro+SFHfJLjan1sTvu9wgm/1Aj92eag8iMMZ/VSMur/jjSxEDO5t4+ROT5"
    "RRETzkW2BeeCn4aIDMuqLAeZlpTUQCFqYM88RVE5ufG0eeORuaiyvy9xc1F5a2PPUY9Lyl"
    "Fvy6hzPvZURdGNJY40KRUKkRaUWXE4qcjIL19gu2wWsriUBFaWmWsG1Y0HhIrn5bDlSMpp"
    "mwaYRXaUAjYiIacsB1G6H5JdqGyix6SYnKy8JI/xcMuC0CbFJLSy8OSLJXSzuJGopXEd2o"
    "tB0JOgwEb2mSIZCAMNtQJoaYh6L9LdcS0MhedtXKUvlNItWEYrwFjsnHnJDacAuJvtX4K7"
    "A9ykolQA3Ag1IOHdAW+aRikAcPSwVdEKLC7CnJPpASkeN71xgivKpHcUC/O43foR0uYHw6"
    "M8wqM84RYCab3ELj4QpDvah6CTyNWchwPhmZAuBEKn7vRRGx08I41UVEfPTyelBsouKppI"
    "tQto1hma45SKgyfkLgFyHbC28YrlNw39yYFmGWDragyoPcn5ANbQBv7BEGAb0JNMOqFqTc"
    "/YnfpKZp6Smafamnmq8rhAmXmqPZmnSoa0Nx/KXucyU3MwO/2vykv1mo+vyk30evyOZrXE"
    "uW6CyJbYszm6YF55qYRgc5az84tWb5zciK898E2JNofw2XnNrsWVQYwclai96LFs1HBMrs"
    "GQ4VBZOdqIYQfbroptg8eZ5/vKxyWll/yLe9q07FR+/H4gAgLaKoN6y/A93J7e64573Svl"
    "hc3pRwprljV9A2oRW8MmNbs0MzTEgfomhwwCdGOP2MF+bu0fu5nPoQXJL9Msh9Vsouykxq"
    "iFD6x8Eh0xh5V7sqGOV2uPDCCgpcroXYdcxU9OmumsqM8iSf3Z703n4peUZ5OUp6bzMzLn"
    "pN/SM1YNEciet0XS6b/NTqf/NpVOnxUHzMuox0c5ISYe6VM5ZeniPWCOCUmQd/PCuFxu2b"
    "C9cNDWEh1LV+k0ur+Mh4OMuImgfTJqDuku+C8wkVMb9RCxRM08ZLrIcl7Tx9Zme8oBm+IT"
    "44BSWfOTCfJP45FwtINk1nwZxpr9IRxnQGORMFai2+CSAQtREcmtcMiqrZZflKzaSsigpd"
    "1sVWiGbsaPs23gFuZUtpNqN1HFvukKMBXc+ziy8pV2iq2TjPFdGzlEzMbnMZuE2bpWFvE8"
    "s+EraFGfG+MUrKCrUYXs1dyGEKAVebcPYI5M6BBN7BECj4ymzViUFTSQBgxkQ4rgM8/drL"
    "qOpY9ZuwiXtTczkc7dEXOK/ESF2uNt5uIHaDXkblZ99ieyei8yDrOFqhwsmj7ZBqFKJfE+"
    "GSn/e08UY1orgMkHJQXuJ/3hoBNxVp1aym/9K2XQUzoAPiIDhr/7xVmHsiUQZfXDktUPl9"
    "5qVrrQZFxKOIanFqSfkMEDOXNX3bSXJyHO2XJJ1PElh6DJhHMrIPHk4Dl75oamZcK5aS/R"
    "5KBJDhk2fuQdznMd+KJisuRHCQc+SdlmT21xKVtWP6ukg2FERFK2baBsBQfUW5tYM/ZINJ"
    "UWlPC2jBBvGba18OFswawA0l7Yj5iYRveV3aBGvm1patiBbHodbJXBoQdtF81ZZo8Tjtkh"
    "evs0z/igbxsWNkE8ks3CciG0GUmLdAgivYAfp97l3Hg/9d6dvZ2TP9+/MciVc+1s6v0808"
    "mf7969gT99AF+/0qrmztevgBoZ/gMd8LTUXIDcsDdo8MwUzT5cmjLaZcqwvNWMFy2V4w62"
    "kWjKiHHEnqOP0Pa/JBorWTY1AVdYQD68BmMDQQ6TzcPGHJWH8ggZNoe4WB6JcISg54BMSQ"
    "A+hLwMbjsB9IW+a/hc7GpmVmD1FdTRSjOz3JljkkkUfdHXQReC4aj0+rfdmx9/Pj1PMIXh"
    "KnCR8rdlakca4myH241AOzxu6fOE8bhFjuPtxd7GBCV5e0zkrQ0f8cOepUWjkrIkVHuqxK"
    "RHOfhAy5KfSTFJffKyhDgeLURXPiUAR1JacTkIryA9spbDNiYjUd1N2fuAVUCD3m46OjKA"
    "izKhsalVINd+9DOvAF/xSxlw1sWCMEsqvyi+7SXymYGKR+GHlqsc8p42KUbbZ4PKobj/YO"
    "mMWb8sr5f6AJ/9LAmxbAqxhYG9S5BP4RT8cbKNcTZI7zLLgkwsm0kutCCxbBEm/SybST9L"
    "Mel5eQEKufo3nyAg+IJLIn7Su+mSA9tVBwTyU6s/UO9Gw89k2xp3ALLUtY3p2c6ZWr3h7d"
    "2NMmGt8WpN12CDXh186o/8PrA1R/YqqOR9dz8JqniztC9T6zdl1Pcre/vGBnptpNwo3TG9"
    "ZpNFnUwedm1yPxr411zPtoJf9eJEf2Q5Lb7ixYXkkZRXBhLuwedspQRk8EQicyKqRckhjk"
    "sKOMwCE7VP2H6gmXLs/RysOeKSsm3zV84GDFrG/qMdFZZj3eaxDpQ/6ijCT+80gd+yPOnT"
    "ogLEAeYNrvL7JN/yuRnbm+Hgc9g8aQ79izcA+22qCVn5qbX7UwtOVHuNdFxWjnSbR5rd3A"
    "xZeqzzQwBTwjIQsEQgYEBRqEQdd8rlNk1LCrCdNZC4MCSA9ljWEqJyVWvzquYr9eW/q6Sc"
    "/KqKfFX7nr/k0etYvifpXHJSAwNN7aXlMI1ISEQ5iG426bI+fGlBaTLZ6Q0V2vsP9CMpWM"
    "K4bXO3qCNJ5Jst4KAjPczq8jCLfOIVwCu281N6OSzt/iSrwOfV+IlV3oDQoBgehtCnSC8C"
    "gpQRZVYGoWvahWK5fnV3QTCq08twM6U4jobR6Zbtaxid2tV6G+7wK5R1ml7Ig/C4aqOXB5"
    "oqFzT57EQddSf9wWeWmJbmoHVV8nIE+ak1GKrj6+EXNWxJHoNVZ0lO3GHTqXWrUI5YDZp2"
    "QDB7g4ZT637Qn6jKb92b+66f/pb8LFeFj5rpbVa5FmQm1jGv/uSOKrShkEAnrEpK0OLVKq"
    "i9V9z9diMimcoiTKVMvZiNvrhOYeTmsnS5nKiMQCtVZVSbzGcpQzhbi2oOaSlzBBZigMrl"
    "CJSsZV2spb8PScJyV42n6HbdqlDNCOvEoVHinFQ2kcLoL5WWsUdFUy5OlnCb9/AV6wCY0F"
    "hAuwPIg6BlvMJE3fsANEBOZLQUEw2rQw4rpP1ES2SDNSaIk+EBmsvqNmGTk12xxueU5n2C"
    "7I4qS7/FIkpZeHRY+yN+WxJDkhjKjmu0oYFKlzDqjZSr/qQDfGkapDgaKT2fwdlO/n3Im+"
    "rDCmMfQ2pgsvPfJeW+6xR4+yS/+67T3r0rkfYu+hbclSPDOTYu1mY2eU9u7LwQN3aew42d"
    "p7mx2E5ZFOuYkIhI11FcK5rztgzYSTkB8a4+O7GkfLOhF5fylexk9YSvr786JVGNS0lgJe"
    "0rXYGPFN4cVl0SwHURwNJecZi9IgPVYFuqAFgR3QpT6MZ3celtXSm6lXpbb2lG6S7brLts"
    "33pErha8asrSE7l7mmfpQZt2Be08Y1ebz1m6O83Vl8yKAmjMCXAx+ZvjLRbQIeMWuBjSKl"
    "bMA+/rV/AA4dphBhc/4tUB1PnQSpt46nlEbg7RQKFI5g+VNpsmbTYyHahMB1rObEbNvRSy"
    "coif3CmDK+ZMHchPrW6vp9yxRJ6arsM1S+R5pfRu+ixBpwF1E1n0mvL7XX9EL8Fva2S3JW"
    "Vn+cwDMudAOU/eDNfz7JJIWW7nL1QSiT5WmJJIkmPP/hTE5dg1y3mC9l7DnhCVyT/anPyD"
    "nUj2qYuUlJM8qiT/m0FVZlaRqT9aQOxlpf6QPvQ1mVC4wG73IclE7yp6lNyyW+VKH0xsDr"
    "m6nfLZxKo/awqSql3gkYH+wQE2XGPbfYUs8OPUe3euXU69y/O3b36i1Ke7hMgGS7yCtDDJ"
    "ioZoP6fJ08O6KuICH/dx92kf5vzOgsYDz/jgsiRQmyRQyeHPVNk/UtjmUkFbIQF9/C6L0U"
    "E5bFCSDNpkTygDc0xIONKtekdK6R/clH/w98z784p18Xj/m+4dK99lamunLay/j/weaYdT"
    "gsItR7VELPgK1Z5l2WOiknhuCyNZhHiWWdy/D+J5W0nEs1xk8sc6yxMhJXpgnOLxjDMnTH"
    "FbfUfHHi/HVI7/fkqyOX70TV1rY8V0c5jfrSy4KTkJLS8rGmNDyoadxMUkp8/BdmEjoxys"
    "EQlpzEsDGuHbCgIakZCAyiCepuerU9b0HJGoZkk9evo3x0hKP+4qTE5BN8c1V4uanCIrYI"
    "axiasOVIDr0F4MAoflI1MEioftxLWgAnE7dIdvFNsjnbYRTajAtJXRUC8VDQVt18+ZAQ8M"
    "h+ptexJoxUiHmh4KU8Ew06MEqPFKHUeJUtOlOo4SpESY3/5QxeMKRYRqzbJJHlpAiHUiEk"
    "RpT6v4wS6N19CCE0z+qFbNaNeRrvCxw9nhQVid21ow9Thua9tJme22Fpn9u93Wviw1F2hB"
    "HC5Y23iFHOj4/mbv51Pv59lc+6kDnAdkms4peFpCG7L/WKdgiZ/AytOXp4CZTNjVtDdbLU"
    "8on+dVerO9gDebC7+VKk8SthfOm6GWiEbtUUPkxyOTy25kBzYm5doR30ifJ0x8IzURq3Oy"
    "1pUxQceEvmfjMwPC5fhm7sDO5XlmflfIrbDlLs1nlcaRcPTf/DpbKWGBLCBV1NsK8dknhX"
    "NK9uBUzi3DOW+ebjI5nxXO5PyomWgPL56E2HedafwInYLJUQU9hu9S2Ce425v0f1No3g8q"
    "PbWon9nVqPtl0AFPyF0a5BjXkgz6Mu1BNvTiep/KiO2Tis6aOaZzGQx7eDDs1sBbxFKmkS"
    "9WNZHFUzTLE61d0ptAoMd3YsptVQfVmHYnElZ1hgBHZlcmnxrOvV2cqkqnfOF44I0vBcA2"
    "oNZ/n9sEGvB7o7WuTAQdXgBwKVluWsT1himmEXUyLeKL8qAsqLEUshEJuftzHBGDD7IUpj"
    "EZiepunWq7hhyoUwlnS03qVLGptTvBiMVNkyr9EVO4RpbBAkbXxvKKRPWwTK1io6btVCt8"
    "22chvSIb4R1aAHuGVANeVA2Qm1YdqoB/uioFalREYioVgRdTBJxwjzgQV9EogSSs0Q+2VY"
    "qAjf+EbLtOKwHBrXwFwG9UnlP4wQmZgKAL8CN8vXgNxprr2Yb2DFzPxRT6nz4A5DrAgY5D"
    "XUeBZkNWiSGfdqio+91uWlIBaVIBkeUZXtT85yLXLIX/RkDARFhnhVziznJc4s7SLnG5Ba"
    "An8FvG+vFiBaBrcz/MM58qv09iltOUw9vGenozHHwOmye94OLAI0fdGu8TBg6MTahZGSt3"
    "VC6B+4wI1gV8uPQ0C/3H4fAmBv3HfhLb+9uPCpn2CUcZTpoL6UrwHboS6NBy7ZIMQkxGIJ"
    "e+CpPxSOtMrfSBpLvDCbQn3Z1RkpR92BUA29t0dFwLQeGsBtEV8IDY8Ayv6jIeHAXrFxwJ"
    "0LV6bmSaVwoYVkpYVE4mSwiCl2BBLwDPg2i0IGhtw4VoluGTG4CWspxjO82hHNqZZEwkY9"
    "IWaOtOD14yy71McF8iwT39rwpL5ZSOiAhAgDRANjnYdlVsGzy34/xIq7ikMDk89w2ySh0d"
    "iihjgaVNetVm6Wap8mYVQEXVV+GAqlOJZfo+R4cNzwHZKuzmsFHELrhGUIdU13wka4zlQm"
    "iDJ2w/bHROXbMAS9Z0Crw1LR/09auurTUduc9fvwKNqKnkgMizCFbXcZGUDdugs20ZkH/R"
    "ukSxE5zM5SA14bbbDqsv7Y49W88YgALRnBvpNmvPJwOFVmixIK3XwvQD9Ut/fN0BDtWm1C"
    "fkLKfW3Wj4i9KbdELPhKk1nFwrow7AbFnZZ7AqN/TKykccmGupfCRN6tKkLqhJnSzltuvs"
    "YeCNCcqCNW0uWAMtY58RjojJ8W31+DpkDJi3xT5JYzjSB6eN2WtNPWt+qMOkMZclksaEJ8"
    "+ydFxUrjkyri5QK8x45GoPPA45H82N0HfPa6ZSZauG9lw6LVdcsjlQ37cf1CNMcYTX/sdR"
    "5lg8vFMG5HxLJKfWp/ubG9IxeY2pdUV2rQ4wsAWnVq876Ck3N/T8rNNfa5qwJUVOpadiNv"
    "TSU7FaT8XWDXDVxe2CL6JsdauUnPQD5fiBQliyul1EQgIqHWvrRzTgvEuGkMeE5ETd7a8M"
    "YRUlrQZBN8eFbWFf5e3atzvOeb0Nhj0Q1EhYrZi4xr/W3dA27wXetkX2cDdwvn+9DFsouh"
    "SUC1vY6KIVgCt2ZbuU2n5IYTtZq00W2GpbQlPpT7iHP2FmYEwMzXzPwhpzjrmBa6PMOPby"
    "TnsyN1b1Z3D2+ZSCNCIhEd19/A4XkANVw4Khlm0Dt6huGJlUMs+Y6HnG7i3ETTLGrudu9j"
    "SdV+EwAt+r/wcHwNXaxM/QpmUaL9+f/zz1fn5zoZO/v728nHoX8wvjpw/AhjpEj9Ahf1lj"
    "23VomABNBhbEBvzA/LARP66gxifJENp26SAycOBlfdFfNMy2RRHMtXhHP5Bfxkd3t/9JKN"
    "uk98kmRqKE+8nn4W/KaHCrDCYdsMDkA7FW0HKnVn8wnvQn95P+cNABiPxK5HpUZmqNJ92J"
    "ohIBZXQ36o+VDqC+NjS62IX22kYOnFrRu9Hr4971cHhDJPQlxubUuh6O7/qTLrmyxM4auZ"
    "p5eMTH+UWRSISL7ECEi5STC7ZcsrmqZb+2pJwAfvJ1h7aHkK0JUHthvREUDuzzImCfZ4N9"
    "ngk2XGm8Soy7wd4Iigf2ZaFV5DJnGblMryPSWe47cZbbK+lBcOA5jHQvXOHuSKxmtRLuA+"
    "yiOdK14GVTJ/DY/dO8k7gVaVkD8Z4TTO9Ai6wLc6Jj+dH0nrOp/6cvNcuCbIGmnxddPVgT"
    "x5sxLwQ2dWgXwb+JlIy7b/T4TJYNspCQtSbDzz2Dco5Jyb23yN4LH6HF2XazQd4ICBhLfP"
    "FzAYAvfs7El95KqDbbpWaf03JEvM1wky/64/B3eh6e4W/klHvb7ZOjK9OCaU6DMU1m4Oxz"
    "Zi0yHtnDkRoNU7MWnsYr6pI936MyDS4p/1m+6g2aWVcqBnmtPZtY4+yKv4yHgwxn3a1IUo"
    "dHugv+y7JK1gb1lgqdech0keW8po+tjfzMgZtCFFPfUzH1yfD5hF5OO0jF1CfUmqIzPykn"
    "3oZaOSMW0RiLK4VxIemqnvY+MKDhraH6ADnek9nzNy4lHLV/XojaP8+h9s856R2PL7h0TQ"
    "56FLWSKsudMrjqDz53QCBPFJXwihO5MmH/dKfWJ6LT0EDTOVFqaKqm9saeevaCq9Pn1iTZ"
    "CjVYkGRz5WgrkmiuC1drt3R8e1ROpgyIqeiOq0Lbxpz8stmJl+JSAigqjedd2rJlKdh3JF"
    "6KSQpIwR8J5R5ikh+gTmMZoKF6lsuzbO0wtiSFZRqmNo81VVv2SaS2FZPj2+bxDU0XJcc3"
    "IibHt83jK63i2fqmWFbx2OFta6YsSB9FJCR3tDPOwnN4Kq4MwY1FBESmVJsCArqegVzFcu"
    "3nE45TQuTuaZ5LgkbbUa9MG8EmXBJiKa4jSzNzOSCPxRu3hMQ9HKffsXRGeBlnBH+MyG/P"
    "suNmUDxxMQFIiThx+a4I/fwum31+lyKfNZ2fcDsX48ZzbR+xNwLezxCIpR2wpB0QZ5sBd8"
    "LMXZaPH+SLIsvFRfZykc58fEwFJxpzEauh3MQMzjEv2VK2P8dW4iB3jnZqz435bWTQ8dmw"
    "Z7LwEvXiqKN1meXEby3cOnJRZBm5yF5FLlKLCDtSanzDdDa8cSnhYK5luZa8YTb64vKGUS"
    "Kh4Pk/KiKZw53MIYNLUoc7qMPopCqduK9O8vAXPBt53Gim4M5pHmn4J56pttdICBN+siCP"
    "EpSkX5Ok39qbmUgveYKPCbUnlYeLH6DVUC6P6rmU7GwT/EFoPsNEY4zg2yIVVt9mV1h9m6"
    "qwutZsjZcgNS9WI5SQoRqVHz6P0P2aNPWgUXIATv73XrmnrtO+9NQa3Q8GzPeabLIW872O"
    "1vmJ+16f7PHlVO9lbXATcWTuuwY//cbxOvtWl1oSuxrHsJadWDJsL6FMQklWFvJ+pTnxhJ"
    "ikWYrQLKV91KV7+v7u6ZLTyp7q4nJac2QhZ7nXsCdEpadrmz1do4xHQSUgKiK5y53cJYNL"
    "cpc7uMvopGoVdznWyVLmkaPPL3h2wmEwY/dP83hMJ2yp/olnhVMkk7bAxfRsBjQXaGDuuZ"
    "4NAVtCwWQJgY2fAHKAS/5KgHWXH8AIGuQCJvsS0DWbulqyu0/aA3zlrU+TZ7haHjK1HAyQ"
    "CxzPfgwyKZMJHqRSfsL2A7QdoFkG/Sfr6pT9KwjnJS8GWO8Q3N/RdbJgouVoEiryY2R2qd"
    "ZxuyGJVOaMFJURkFl8V4S2fZdN275L0baavSjFK4bt28Eq0ucJwyoGq1BJFXorJeCpSST1"
    "+QhJ48pyduTzxrwcHS1lk2WGmzTM9WS4kdmwZDasozvby5wzMueMcKS+TEby3eioksr/Ps"
    "ZZGuqyNyyxDHUpa8ML5QSANtKXJ7x8AP6d09xcANs2dTr1Snq3SXr3EdpOSXY3IiIguVuL"
    "/wv9qEogHDQXEN1aSuzRSlLcWLlsAj0i0jyH/jLqUWVs+YtuZn/9P6icjv4="
)
