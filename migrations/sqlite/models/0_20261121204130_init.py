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
    "public_id" VARCHAR(24) NOT NULL UNIQUE,
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
    "eJztXWtz2za6/isYf2k742Rjx046ys6ZUWQmVmtLPpLcdLfaYSgSklhTgJYXO96z/e8HAE"
    "mJF5AiJZKmEMzspgmJF6QegMCL573938kKG9ByXnfX5gQ/QHTSAf93grQVJH9J3TsFJ9p6"
    "vb1DL7jazGKNtbWpurQZu6zNHNfWdJfcmWuWA8klAzq6ba5dE9OnnHTBDGo2tAETAnNM/r"
    "aE4JfxcAC6d/0PACPrGZiuA5aaswSmAxwX29B4Tbs3sE76N9Hi4J48ZP7bg+TNF5AI2aS/"
    "P/5FLpvIgN+gE/5z/aDOTWgZMXhMg3bArqvu85pd6yP3E2tIX3Km6tjyVmjbeP3sLjHatD"
    "aRS68uIIK25kLavWt7FCzkWVaAbIif/6bbJv4rRmQMONc8i0JOpf0X2F47UdXBcKKOlYmq"
    "nqSGI5SI4Bpc0jGiQ0le1WG/fkFf4dX52cX7i5/fvrv4mTRhr7m58v4v/9FbYHxBBs9gcv"
    "IXu6+5mt+CYbwFlY2hSgcqDW5vqdl8dONSCZTJ6ydRDjFtL8wr7ZtqQbRwl+Sf7y5yMP2t"
    "O+pdd0c/vrv4iT4Qk8/O/yIHwZ1zdovCvoVZtyGFQtXcNMxX5I5rriAf6rhkAmojEH0d/m"
    "Uf4MMLW+S3S0gT0JMfaAzJkhEMeQ70k/6tMp50b+/o41aO82+L4dedKPTOObv6nLj647vE"
    "MG06AV/6k2tA/wn+ORwoDF7suAubPXHbbvLPE/pOmudiFeEnVTMiszO8GqIWG3X4bW2S3v"
    "YY9bhkM6Pe5Pd2JIMcgpQ7ypbmuKrn7PV1J2UrGOlgGNvyeYs00jZ8JBvfPuMcl5Sj3OZR"
    "Jp+jrZZSNiMSuzXOY9iSK1A6qRo/f+DqnBSuNLqfyBnBXKBf4TMDuU/eSEM65IAanJPug2"
    "6ODNy/wtkTXt1+zbb2tDn3RCcV+e3kF0PX18q74173SjlhCM80/eFJsw01BjW9g89x4sqm"
    "bfrW6nyVvKIhbcHAob+CvnOA+ghb8LOtsddOHV23N0/zzq42aaYuaLvCh1eKBlhpz4C0Ax"
    "o9UmrzOcDkfwgCHSLXJmLkJEpuacbKRPTvC9s0wBO2H4ho0BLbC4DIC/FOtXU8gnPc/WMz"
    "/ykM9L+OjsnE/pc8B7/gOTgci/QJWEHeKrUixTf3QLaac3A9y9PJSBn3r5TBpAPIVmkaZD"
    "pP0a1y+1EZdcAKrmbQniKyc3761PEn/hR1r277g44/16fo86h/pX4Zjn6lAnTaq/60T35I"
    "Rc7XZ+8KnK/PkjrA9nxNb8XP1/4nxB0//nexEWjzoO1JX5wXoS/Os+mLc0lfSPqCjh3b88"
    "qpwjGZvZThlp1sqtl4tqAytYd8ELPncsCm5CS4aXCp3lUO1oiEBDQNqDwLy7PwMZyF09tW"
    "BaD2Nh0d1yJQFNXYXr0bV7pUVoDq0F4Mgp7EhDWypewGdbutN7cKHCmuKQ0ohi55CzC4v7"
    "l5KV5sDB3H/+EpViy8dZrHiTl+o+LeHDZ+ooSVhRcm+sA8MHSMH0wIlpi8L7vwAJ9P2V/Y"
    "U+J+GVy/jir6lB4e7WK2yICV9u+IykjvjgQ9Ir07JD1Cu5DeHd+DNZh5aDgQon29OyKy0u"
    "7f5pE212W2SL91c9aDk5NGNseLywKb48Vl5uZIb3EoJKIzI87nkw1vXEo4mM8vi+BMWmUb"
    "aS75SEuyTpJ1LSfrXuaAzlDnnM7D0cg+mtMfVOxcno2lPBW361S89maWqXNXy+xNKSbU1L"
    "n45O9zD+kUP0Dm4SO0XwcTd6Y58DWCT34Y0P80tHFV7luwJiiWct3YCAjHTJydFfGLOcv2"
    "izlLgas5zhMmS2dZBiglKKKfTB1KmGE6a0t7Vtm/SwCelBNO5b18UwDsyzeZWNNbcajhSj"
    "OtMhhvBPYCt2VH7+RcLrQwX+aszJeppdnS0MIj2hQf492OkVH5Bufzf5aveoOSk/rkn9dq"
    "b9ABTHaKFPJXPwK39DQvMsuzJ3lqjlsGtK1ndcU1vn7E2IIaypjtCdHECMyIbF1DsLnSLO"
    "X0cTi8ibFNH/uTBNL31OP1R38LJY1M/2jC8yRyzfmzmrHE5OKeFG0Q91B1OXbYnZWzH+iB"
    "oIS8OOT/9kzoqmQFtzkE3XilWVbmYTMhKpAD3dvz9+82R076j7zT5vi2e3OTBSxEnCNmEV"
    "gDQQlqnKR3VI0chh/LboYxObk8FF8eDMhw29O+nZaWNrA228A2x359SXT3vYY8ows57m0e"
    "d2apZm5f+5q5o8JyrNs81tJbKVtREctbKWXKzLa8badHPLFYQsUKZD/9OoKW5gZOrXwrZz"
    "SN2ZFNgyxLZ9pz21EXRKdEhyEVi5o/ynWxCFLNYXSU0ynq/70/TBFXcxFBoiyPDg/EyA/r"
    "GbCuBP3iHH0JDc+CKvymQ/aIQ+dV0KES9icocORn6g/moWh9pEET5FXExGjm/zqJUd5CBa"
    "HhqOQkbC4Q5BCAZZAaQL8HYWGimq4EKR8kiU4OOiokOvihGibFSHmEwmrh6yV28YEY3dE+"
    "BMVHh7Zrzk2d/CpHNR3HO3RJ6m07FBUySzNXjvoIbfI7D4aLdiYoUHOytlDepQq24FPQl6"
    "BQLbFnVzWlrmlfCjntPQsKlokeTZeB4KgON8KmDFz9TW+CwuXnuatqdt2y3gSFytWcB0cN"
    "CP/DcJqQrgRFiXkd0R3+cIZlEOlKULQ0zzCpXwvp6lAOr0u7Enll/xPPVNs7dFL9gmcjT6"
    "TpVCpALLnwZ2M5RHCCyR/f4aJfMoouyInFiaPbZsvKjqTzM04VznFzp9nu86uV5jgs9MnU"
    "wzzMNPWy46sqH4ANF+S/mkWzL9OszaZlgRm0MFoAFwMtM99zxb3vjvD7w08NtdZcFlHD8P"
    "uXDPtrMuxP57rRZ0eM6Hzf+RcM9qNv1FCsX/VpmmPzv+gYxIRkGFqxMLQHk+d3XCxsJ5Rt"
    "M9Ynvf7kHx2gm+7zFF31x5NRvzfpAMOk0OsuzWU+UpQJTWZuQ0j+3Rve3t4PfCG8WpHXo5"
    "If7/s3V/3B5w6YeaZlkEGborvu6NcOWGv2A70/7g+U8VjdPmLmOSbZChx1+6xbIkGftSIy"
    "0E1uNYXmQOVhtWXjD5uPO2zsAzt7UyT0kLTKXsnepIIP6X9VHpeXD3EgIlx051mh8M6znP"
    "jOs3SAp2YYRFvknIGyMY6ICDiTzwvN5POcmXyenskWzxH0k4W1DF3T4rp/zqnA0Z6LeHBe"
    "De8/3ijgbqT0+uP+kEWUbl062U16aRs8MVK6N0lsfQ+H4tj67SW2BbB96cQRLVp9z4stCz"
    "mrQiqNQeS1UhBP4LeM+ZsQEwDoPBdw5XcWVbXx/g4B/fG2+/tPsSl9Mxx8DptHBqB3M/yY"
    "AN63fyHslpracSkBYG9g36MxCup/Sq4hMaEGce46pva3MY2oWmpmM6BfFMH8IhvyixTiMn"
    "iz4eBNGeqTPdfFCvV52So4rRvcevNANl4Jo234ZlmTTguWwhgpPpuWlwvy5eKH2nmMal9k"
    "zLHMynhCpReMiDlKwALb6MGBaawXUUF6gvDBelbZMewwoL6wnq7DjkQEq+kAoqMEqbmoj6"
    "OFR6Wu9Qt8uDcZBarn9yWqP9naxn9C/VAt6s7vRVCMmM/rYQAV9HU9mk+ulL/dXq5kgbaZ"
    "6VC21UZ3uZWpER241kztfySqHNOs4M7SJ0ukP1ej/lyu6Vol+dtAQEDrcC1+DjNscEpTZl"
    "uAwvYC2CCaNv3EFpIU5DuyriVkBWRsj4ShDTE5ltpx7dTUhBjlmJpQcOePqxaSjM82am3q"
    "ABdFNiknUGrduiwdzddSb9vsLWrqKFlMfTsZKwBX7Lrfqe+2VXW/b8m72aZm9V24OuGcYm"
    "P3T/NOsaugpWqSpgVjpIYIAsskf+A5K8qNEXxF933gn4XBj1PvAr55M/Xezc7PyJ9vzt9P"
    "vcuLC23qvX8PL8kV+Ib8efn28vKnDnhaai6NaprRcUuHTNX9sCIn78AaEcwEB9uuim2DNJ"
    "YH70YP3jK8QIYXHHt4wRzbKz7Au2OkQtkGkca2uTCRZpVE/GQ46n/uD7o3HRD2QKOh7lgg"
    "1Pp5isL7andwpfo3woaqhgzVb6XcKL3JaDjo9zqAbL66a2Nk6sk9opAzZ+WxTjr2eLlP8q"
    "tsbISaO2Sd1bvYV1Ffo6zjsXQ5LuNyTJ5omHyf+rwY5IiQxLkIzhG9sOSqEJdsbml40/6l"
    "Ia56F9Sn40KSz9pNuThbT6kDaQHxfK5OE9RAfHa1qdp46NvLYQQibr/ZZAC2Fyr1ni2cK4"
    "U2Dg/mc+zZryz4CC1Ao9/Bj2vLc8DCNg3np9fg61eaTOHrV7DSHmhKE2/GGpGBp5409FQP"
    "1jacm99IA1df8lKn1PewKZqijYzpsCfQlBcOmNt4xf5pY+wCAz+hUwA1fUlewLLwEzTA7B"
    "lMT/42Je8LXy/oo8fXf7u+I/97c/a3r18/BMlafnCmKHwN8gDy4vaz/4Oeltghr0OeDVhN"
    "Owc8meTvJvkLeVphimKt2RC5kqF4YYai7aleGuMn3p4XULDenmfqV/SWzC0hyR+xyB+2Y+"
    "3L/myE2zyjK0qR83nUv+qw/Xwfsqf6HFJl00dVmzmqRet6LXmjDLjmwZt/aN4IiXS+q+TI"
    "nMNDfG8URGX+H0vsOXCJLV54RCaocSHp+ZGGVaYBkmmAjhFbmeMge4kQN8dBjGQpuAfEZO"
    "QWsJOJ9vGqgIgunuigZQAX5aFjM0tmOqg1Si+SQ3x/kIRzR41DtDQtwz600JBwX62Mr5bx"
    "1U1Ujzt0aSpTNu4oJ1dYh8mGa2wfXF+ocEmOo8bKRGrIwTYA1TF+gmsLGguoWiY6NIr/jv"
    "XUJacnUWdV0+kgjhIkmQ+i0XwQ6YxaHOcZbtqtbDcaJ2iuxtN+FXGoobwPcGmQimHO52QJ"
    "3nqg+NmewNrSUAfoFnagcUqLBuE1RL7PiLOGuqlZgEAH7UfyCJ4XTQ1PKJ28gr6D9Exp1j"
    "PF0Hg+1pSrzDCvaVwf6xhDebyLDJcX7k6UJM3LPgLOapyXOHgr1GDW4M2Vo00bTFcZzsaX"
    "bwTeCAnErFZhA2ZzsDSaWykJZwxOopQ75eInthLCeUbVE6Qis1bIrBXHBe5LhaYICKtMBt"
    "J8MpCXCPlp2dStMuJH5lkRMM9KOLN5nNB20ucwQZE05rvpnzFeQXdJUAVaWBTawNA59bkX"
    "FoXkWTQoCdsgSGcNTDdN8hzQT2kqR4YayVAjPrSCV5XWI6blfaI5ovLtDuhQRpP+p36vO1"
    "HGHRA1OU/ReNjrd2+IaO9+xEI4HEz5YdWBumezQI7rIS1m/LkDqC80q3Ss3Fwpo5t/0IQe"
    "ZNWwSJsb5TNNFGLBBc0Scq10bybXRABqlrsk7W/vbob/uFUGEyKyWlv4eUUWIFYxmT5xrd"
    "n0Ob8pg3ulAx4h8uAUfere9ukj5trKpE8YTq6VUQdgtqbtMX1kpWQZzXbUnE0t0WwP8PmJ"
    "bP2lSiVHZYRDuRZmTBZFfaHM2HNYaoUOmgsAdAPLM7TMhTkzLaIjlME4ISYc1rUsIPSIx3"
    "57CuhcM2ZUTJY/LW7HNDyb+eeoKxN5XMfMHXGtHPnmjBtvjyAnlK6tNRpgrq6hrToWLp+F"
    "j9eBzMgXJblMRFYlzciexJng8kSbw/bdsQQU03Xf0J4dVSMHXQ4/lj+D09INTt+L9s9fnX"
    "Iulqp7Lp7P95jEmfINwnx+TFPZL5XOFlTyf66zxO4Zze2kwb2v/fM6gdKMoDA3dVPj8ZCl"
    "8E70JDfDmPfPiv4CWyVrgQNdJ3s9+WU8HGT5A2X3kXSxNHUX/BdYplMb6Jnc/NrSdOi8/r"
    "ulrWaG9j+1sfM5g0AxzD/LJ4/tp/FAb9pB8iwvc6LUsO6bTrCClDxZxuTk0bL40VJmncie"
    "2+JmnZCukVUtXtLNrFY3s3JpJ8LKQwcGuyVLHQmCepwtj8WR7Y8VN45NDL+yGF5+IJu6xJ"
    "59IGJfWE/XYUcCYhU4gB2I00e/F1E/QMoRq56jLQ7NszAmHd3TfkRCqk4PzOgHyPHCTHyf"
    "2Z6YySWhQDAuYoGvzDkyCHcF5LyssTBZQ3v+QI7O5ORMrq6hDcgFQE48j5D5V86INvrggB"
    "l0SWNEL604sbgVP4BmsR/hpyCBvAYC51OASSe2afiC/u79gwNs2pJ6gLJY4E1b5P87eIU9"
    "fUJj7tJBV9I9tFn30BD2FLL5tGBETKRjQxU04AsEqAqM5otEqIqMp2QJZIxfm2GV5IuM8W"
    "sxsu2t6hWerTnHn8ixO/voEz3h7zz2ZOPKOQb8EZ1gfvWqwMJAk95DW32Agd6fc1jYiJF2"
    "f5x4pEf+nUQR7u1Nea6QYWdtDTsrUgXrLLsK1lmqChY5satlY4eiMsK5TBcKbMmJa+FW6F"
    "bXBKTSGG+EhAP57KzIPD7LnsdnqWK50d2ijCU7JiigIftIDNchJrmWa4iMfYY4IiYHuNUD"
    "TD5G18uI/9sdAr2VbnDBpNowNEoum9SJ51flqgN86SnqXSs9ckHtDzpAX0KdXFRNNEVXBO"
    "gOMMg+QNp0Bz3l5oaK+e7EFpUcDNXx9fALmR1YdZYE132W48qj2R3s2bxzYsGB3Eg3OJBP"
    "cFZ2FL8oHzuAyE1R967fAdranKIv3Ztf2TA+adYDG0PyUXz6RAsUavN5O0YncpoqoZLEpf"
    "YamZad5eM4XxTR/C6yNb+LdNA45uVIzYkYx9wcqcev710WikO8zIlDvOSk+Nusk/s4MCaF"
    "K9AMWja7RVIMNhvePkOdkJUj3f6RVstnSE0JCreK1hLNTYODeYUd8+2mWymBzFGVmE2lS7"
    "10qZfG8mqyDW91tNIJhzmiAq1UlUFMPoHAh9tQad2OcihnSEug2+P4IfoaEbHvFgQ1IiEn"
    "6k5Xmpfw+GjbnK3A5WMbypRWGyrA9jv2U+Ij6zm8yGyZKzsGamQlzMiSnamNSWx3TViOAl"
    "oA5KRGVQHOxUOpjhTqDC20dOJ3/ii4OD0G9USyHQn89ZZP3MSz8VLkR4PdcpLkx4Prdkdm"
    "XeMnQN6IVSrUoQPwHGAEAe0HaDYErvYA0QdAQHCgQW5Zz2D2THPhY2SYtBPNAvd3lIdIB2"
    "VV2DeNx/r6lQmAv4Mw59zXr8B0QpsxMFnsFnAIcNTg6EKa29oPwWKPcEDQw9evp8DBwH3C"
    "U7S2MXk1elPXEEA0SAzMME3tT1qy/izNcf1fkBXBleG6mXTWlL6VTfpWSqeo78Jg4i8EZS"
    "n8qJxI1EIVLD5bIssCuhESJrNTFVBK4kvyNC07MBTiaV4mNmcAYVwvil7P1XoRaVFDSM7O"
    "YJvA4zJivWTRNYi8obrW3CXvpg3JYxx3wz4k72+7JfvkmgwnVA3yXjI4RwbnJBwvxA7OeS"
    "A/nQ//bh/aULZBLxgEyztCDxTqz0wlp4hpEOqX/vi6AxyqaqlPprNMHqlfxmU2tp4V9+eM"
    "CAlYaen88rKIQ9LlZbZDEr2X0L1Nl1dbIhvljYCACNdSLEVWAHqhCkCeTeDR9y7xFxFvcl"
    "XHNlmLy67rNzQkxcJPNEBldEvL8fn9TNF1/zOtxmcullN0P/rM6vCxX+a2Y6Vf23AObZtS"
    "/2a5uNi0pADfSAPrEd3lVTPIt1kU7JiQxLkIzjPPIAc7VdfWHD4Y6ib5PPlYxwWTfLAv+T"
    "ro4WgNXTygr5RenyxeBMzT80Q27WhAUBxmzTDIsdVR17b5qJULAOKICje1a/FiJ090Nd0t"
    "ncogKScc2tWnMwghK53SICUoHNi1pDU4toBox5utTNctTwWM7z/e9icTygds+piibq+n3L"
    "GLmk6zTNNrI+UXpceu2fBPqLNrV/d3N6yodAcY3tpiFaWJ9Hjc/zxg0o5jLhBtObxTBuqn"
    "4Ujt3XT7tx2WNFWl+TZ0SzNXU9QfqHej4eeRMh53gInIYoypvc6hzx0Pb37zn+tg69F/F9"
    "qff432xKK5h4NP/dEti9TGaG7aK3b1Zjhml2jOQaMdym6IChklWvh6FWjhhfcrvrh4H3Yd"
    "6pj/de4R6ZYSFA7vWuKFPeQjtkft0qRog0VmNleOtspMFLw9ZnuGuJzzReZ80n6WPvfl+g"
    "FxxGX0dJudgZhe4rFyv3uPeLoDOeYtH3PykRp7BR0nZeVIt3yk2alj3+/6UY7zUYzz5tC4"
    "TxqBhKwc6VaPNOMC9hnmqKAc4zaPMUFA86OEiLL/CK30UOf7FfPkpYtxgRQ2xUjSzFQ2bU"
    "ppdzLuTvrjT31GjpIXdsgvNaboY3fc7xFM/qFG7s80xyQzxnpWIy2v+uNIE8N0Nvf2ISLP"
    "L4qYcC6yLTgX/DREZFhWZTnItKSkBgpRA3vmKYrKyY2nzRuPzEWV/X2Jm4vKWxt7jnpcUo"
    "56W0ad87GnKopuLHGkSalQiLSgzIrDSUVGfvkC22WzkMWlJLCyzFwzqG48IFQ8L4ctR1JO"
    "2zTALLKjFLARCTllOYjS/ZDsQmUTPSbF5GTlJXmMh1sWhDYpJqGVhSdfLKEb4kailsZ1aC"
    "8GQU+CAhvZZ4pkIAw01AqgpSHqvUh3x7UwFJ63cZW+UEq3YBmtAGOxc+YlN5wC4G62fwnu"
    "DnCTilIBcCPUgIR3B7xpGqUAwNHDVkUrsLgIc06mB6R43PTGCa4ok95RLMzjdutHSJsfDI"
    "/yCI/yhFsIpPUSu/hAkO5oH4JOIldzHg6EZ0K6EAidutNHbXTwjDRSUR09P52UGii7ZtFE"
    "ql1As87QHKdUHDyZ7hKYrgPWNl6x/KahPznQkAG2rsaA2pOcD2ANbeAfDAG2AT3JpBOq1v"
    "SM3amvZOYpmXmqrZmnKo8LlJmn2pN5qmRIe/Oh7HUuMzUHs9P/qrxUr/n4qtxEr8fvaFZL"
    "nOsmiGyJPZujC+aVl0oINmc5O79o9cbJjfjaA9+UaHMIn53X7FpcGcSmoxK113wsGzUck2"
    "swZDhUVo42YtjBtqti2+Bx5vm+8nFJ6SX/4p42LTuVH78fiICAtsqg3jJ8D7en97rjXvdK"
    "eWFz+pHCmmVN34BaxNawSc0uzQwNcaC+ySGDAN3YI3awn1v7x27mc4gg+WUacljNJspOao"
    "xa+MDKJ9ERc1i5JxvqeLX2yAACWqqM3nXIVfzkpJnOivosktSf/d50Ln5JeTZJeWo6PyNz"
    "TvotPWPVEIHseVsknf7b7HT6b1Pp9FlxwLyMenyUE2LikT6VU5Yu3gPmmJAEeTcvjMvllg"
    "3bCwdtLdGxdJVOo/vLeDjIiJsI2iej5kzdBf8FlunURj1ELFEzz7RcEzmv6WNrsz3lgE3x"
    "iXFAqaz5yQT5p/FIONpBMmu+DGPN/hCOM6CxSBgr0W1wyYCFqIjkVjhk1VbLL0pWbSVk0N"
    "Jutio0Qzfjx9k2cAtzKttJtZuoYt90BZgK7n0cWflKO8XWScb4ro0cImbj85hNwmxdK4t4"
    "ntnwFUTU58Y4BSvoalQhezW3IQTmirzbBzA3LegQTewRAo+Mps1YlBU0TA0Ypg0pgs88d7"
    "PqOpY+Zu0iXNbezDJ17o6YU+QnKtQebzMXP0DUkLtZ9dmfyOq9yDjMFqpysGj6ZBuEKpXE"
    "+2Sk/O89UYxprQAmH5QUuJ/0h4NOxFl1ipTf+lfKoKd0AHw0DRj+7hdnHcqWQJTVD0tWP1"
    "x6q1npQpNxKeEYnlqQfjINHsiZu+qmvTwJcc6WS6KOLzkETSacWwGJJwfP2TM3NC0Tzk17"
    "iSYHTXLIsPEj73Ce68AXFZMlP0o48EnKNntqi0vZsvpZJR0MIyKSsm0DZSs4oN7awpqxR6"
    "KptKCEt2WEeMuwrYUPZwtmBZD2wn7ExDS6r+wGNfJtS1PDDmTT62CrDA49aLvmnGX2OOGY"
    "HaK3T/OMD/q2YWETxCPZLJALoc1IWlOHINIL+HHqXc6N91Pv3dnbOfnz/RuDXDnXzqbezz"
    "Od/Pnu3Rv40wfw9Sutau58/QqokeE/0AFPS80Fphv2Bg2emaLZh0tTRrtMGchbzXjRUjnu"
    "YBuJpowYR+w5+ght/0uisZJlUxNwhQXkw2swNhDkMNk8bMxReSiPkGFziIvlkQhHCHoOyJ"
    "QE4EPIy+C2E0Bf6LuGz8WuZmUFVl9B3VxpVpY7c0wyiaIv+jroQjAclV7/tnvz48+n5wmm"
    "MFwFLlL+tkztSEOc7XC7EWiHxy19njAet6bjeHuxtzFBSd4eE3lrw0f8sGdp0aikLAnVni"
    "ox6VEOPtCy5GdSTFKfvCwhjkcL0ZVPCcCRlFZcDsIrSI+s5bCNyUhUd1P2PmAV0KC3m46O"
    "DOCiTGhsahXItR/9zCvAV/xSBpx1sSDMksovim97iXxmoOJR+KHlKoe8p02K0fbZoHIo7j"
    "9YOmPWL8vrpT7AZz9LQiybQmxhYO8S5FM4BX+cbGOcDdK7zLIgE8tmkgstSCxbhEk/y2bS"
    "z1JMel5egEKu/s0nCAi+4JKIn/RuuuTAdtUBgfwU9Qfq3Wj4mWxb4w4wkbq2MT3bOVPUG9"
    "7e3SgT1hqv1nQNNujVwaf+yO8Do7lpr4JK3nf3k6CKN0v7MkW/KaO+X9nbNzbQayPlRumO"
    "6TWbLOpk8rBrk/vRwL/mejYKftWLE/2R5bT4ihcXkkdSXhlIuAefs5USkMETicyJqBYlhz"
    "guKeAwC0zUPmH7gWbKsfdzsOaIS8q2zV85GzCIjP1HOyosx7rNYx0of9RRhJ/eaQK/ZXnS"
    "p0UFiAPMG1zl90m+5XMztjfDweewedIc+hdvAPbbVBOy8lNr96cWnKj2Gum4rBzpNo80u7"
    "kZsvRY54cApoRlIGCJQMCAolCJOu6Uy22alhRgO2sgcWFIAO2xrCVE5arW5lXNV+rLf1dJ"
    "OflVFfmq9j1/yaPXsXxP0rnkpAYGmtpLy2EakZCIchDdbNJlffjSgtJkstMbKrT3H+hHUr"
    "CEcdvmblFHksg3W8BBR3qY1eVhFvnEK4BXbOen9HJY2v1JVoHPq/ETq7wBoUExPAyhT5Fe"
    "BAQpI8qsDELXtAsFuX51d0EwqtPLcDOlOI6G0emW7WsYndrVehvu8CuUdZpeyIPwuGqjlw"
    "eaKhc0+exEHXUn/cFnlpiW5qB1VfJyBPkpGgzV8fXwixq2JI/BqrMkJ+6w6RTdKpQjVoOm"
    "HRDM3qDhFN0P+hNV+a17c9/109+Sn+Wq8FGzvM0q14LMxDrm1Z/cUYU2FBLohFVJCVq8Wg"
    "W194q7325EJFNZhKmUqRez0RfXKYzcXJYulxOVEWilqoxqk/ksZQhna1HNIS1ljsBCDFC5"
    "HIGStayLtfT3IUlY7qrxFN2uWxWqGWGdODRKnJPKJlIY/aXSMvZm0ZSLkyXc5j18xToAFj"
    "QW0O4A8iCIjFeYqHsfgAbIiYyWYqJhdabDCmk/0RLZYI0J4mR4gOayuk3Y4mRXrPE5pXmf"
    "ILujytJvsYhSFh4d1v6I35bEkCSGsuMabWiYpUsY9UbKVX/SAb40DVIcjZSez+BsJ/8+5E"
    "31YYWxjyE1MNn575Jy33UKvH2S333Xae/elUh7F30L7sqR4RwbF2szm7wnN3ZeiBs7z+HG"
    "ztPcWGynLIp1TEhEpOsorhXNeVsG7KScgHhXn51YUr7Z0ItL+Up2snrC19dfnZKoxqUksJ"
    "L2la7ARwpvDqsuCeC6CGBprzjMXpGBarAtVQCsiG6FKXTju7j0tq4U3Uq9rbc0o3SXbdZd"
    "to8eTVcLXjVl6YncPc2z9JibdgXtPGNXm89ZujvN1ZfMigJozAlwMfmb4y0W0CHjFrgY0i"
    "pWzAPv61fwAOHaYQYXP+LVAdT5EKVNPPU8IjeHaKBQJPOHSptNkzYbmQ5UpgMtZzaj5l4K"
    "WTnET+6UwRVzpg7kp6jb6yl3LJGnputwzRJ5Xim9mz5L0GlA3TIRvab8ftcf0Uvw29q025"
    "Kys3zmAZlzoJwnb4breXZJpCy38xcqiUQfK0xJJMmxZ38K4nLsGnKeoL3XsCdEZfKPNif/"
    "YCeSfeoiJeUkjyrJ/2ZQlZlVZOqPFhB7Wak/pA99TSYULrDbfUgy0buKHiW37Fa50gcTm0"
    "Oubqd8NrHqz5qCpGoXeGSgf3CADdfYdl+ZCPw49d6da5dT7/L87ZufKPXpLqFpgyVeQVqY"
    "ZEVDtJ/T5OlhXRVxgY/7uPu0D3N+Z0HjgWd8cFkSqE0SqOTwZ6nsHylsc6mgrZCAPn6Xxe"
    "igHDYoSQZtsieUgTkmJBzpVr0jpfQPbso/+Hvm/XnFuni8/033jpXvsrS10xbW30d+j7TD"
    "KUHhlqNaIhZ8hWrPsuwxUUk8t4WRLEI8yyzu3wfxvK0k4iHXtPhjneWJkBI9ME7xeMaZE6"
    "a4rb6jY4+XYyrHfz8l2Rw/+qautbFiujnM71YW3JSchJaXFY2xIWXDTuJiktPnYLuwTaMc"
    "rBEJacxLAxrh2woCGpGQgMognqbnq1PW9ByRqGZJPXr6N8dISj/uKkxOQTfHNVeLmpwiK2"
    "CGsYmrDlSA69BeDAKH5SNTBIqH7cS1oAJxO3SHbxTbI522EU2owLSV0VAvFQ0FbdfPmQEP"
    "DIfqbXsSaMVIh5oeClPBMNOjBKjxSh1HiVLTpTqOEqREmN/+UMXjCkWEas2ySR5aQIh1Ih"
    "JEaU+r+MEujdcQwQkmf1SrZrTrSFf42OHs8CCszm0tmHoct7XtpMx2W4vM/t1ua1+Wmgu0"
    "IA4XrG28Mh3o+P5m7+dT7+fZXPupA5wH07KcU/C0hDZk/0GnYImfwMrTl6eAmUzY1bQ3Wy"
    "1PKJ/nVXqzvYA3mwu/lSpPErYXzpuhlohG7VEzyY83LS67kR3YmJRrR3wjfZ4w8Y3URKzO"
    "yVpXxgQdE/qejc8MCJfjm7kDO5fnmfldIbfCyF1azyqNI+Hov/l1tlLCAllAqqi3FeKzTw"
    "rnlOzBqZxbhnPePN1kcj4rnMn5UbPMPbx4EmLfdabxI3QKJkcV8zF8l8I+wd3epP+bQvN+"
    "UOkpon5mV6Pul0EHPJnu0iDHuJZk0JdpD7KhF9f7VEZsn1R01swxnctg2MODYbcG3iKWMo"
    "18saplIp6iWZ5o7ZLeBAI9vhNTbqs6qMa0O5GwqjMEODK7MvnUcO7t4lRVOuULxwNvfCkA"
    "tgG1/vvcJtCA3xutdWWZ0OEFAJeS5aZFXG+YYhpRJ9MivigPyoIaSyEbkZC7P8cRMfggS2"
    "Eak5Go7taptmvIgTqVcLbUpE4Vm1q7E4wgbppU6Y+YwjWyDBYwujaWVySqh2VqFRs1bada"
    "4ds+C+kV2Qjv0ALYM6Qa8KJqgNy06lAF/NNVKVCjIhJTqQi8mCLghHvEgbiKRgkkYY1+sK"
    "1SBGz8J2TbdVoJCG7lKwB+o/Kcwg9OyAQEXYAf4evFazDWXM82tGfgei6m0P/0AZiuAxzo"
    "ONR1FGg2ZJUY8mmHirrf7aYlFZAmFRBZnuFFzX+u6Vql8N8ICJgI66yQS9xZjkvcWdolLr"
    "cA9AR+y1g/XqwAdG3uh3nmU+X3ScxymnJ421hPb4aDz2HzpBdcHHjTUbfG+4SBA2MLaihj"
    "5Y7KJXCfEcG6gA+Xnmah/zgc3sSg/9hPYnt/+1Eh0z7hKMNJcyFdCb5DVwIdItcuySDEZA"
    "Ry6aswGY+0ztRKH0i6O5xAe9LdGSVJ2YddAbC9TUfHtRAUzmoQXQEPiA3P8Kou48FRsH7B"
    "kQBdq+dGpnmlgGGlhEXlZLKEIHgJFvQC8DyIRguC1jZciIYMn9wAtJTlHNtpDuXQziRjIh"
    "mTtkBbd3rwklnuZYL7Egnu6X9VWCqndEREAAKkAbLJwbarYtvguR3nR1rFJYXJ4blvkFXq"
    "6FBEGQssbdKrNks3S5U3qwAqqr4KB1SdSizT9zk6bHgOyFZhN4eNInbBtQl1SHXNR7LGIB"
    "dCGzxh+2Gjc+oaAixZ0ynw1rR80NevurbWdNN9/voVaERNJQdEnkWwuo6LpGzYBp1ty4D8"
    "i9Ylip3gZC4HqQm33XZYfWl37Nl6xgAUiObcSLdZez4ZKLRCC4K0XgvTD9Qv/fF1BzhUm1"
    "KfTGc5RXej4S9Kb9IJPROmaDi5VkYdgNmyss9gVW7olZWPODDXUvlImtSlSV1QkzpZym3X"
    "2cPAGxOUBWvaXLAGImOfEY6IyfFt9fg6ZAyYt8U+SWM40genjdlrTT1rfqjDpDGXJZLGhC"
    "fPsnRcVK45Mq4uUCvMeORqDzwOOR/NjdB3z2umUmWrhvZcOi1XXLI5UN+3H9QjTHGE1/7H"
    "UeZYPLxTBuR8SySn6NP9zQ3pmLzGFF2RXasDDIzgFPW6g55yc0PPzzr9tZYFW1LkVHoqZk"
    "MvPRWr9VRs3QBXXdwu+CLKVrdKyUk/UI4fKIQlq9tFJCSg0rG2fkQDzrtkCHlMSE7U3f7K"
    "EFZR0moQdHNc2Bb2Vd6ufbvjnNfbYNgDQY2E1YqJa/xr3Q1t817gbVtkD3cD5/vXy7CFok"
    "tBubCFjS5aAbhiV7ZLqe2HFLaTtdpkga22JTSV/oR7+BNmBsbE0Mz3LKwx55gbuDbKjGMv"
    "77Qnc2NVfwZnn08pSCMSEtHdx+9wATlQNSwYatk2cIvqhpFJJfOMiZ5n7B6Z3CRj7HruZk"
    "/TeRUOI/C9+n9wAFytLfwMbVqm8fL9+c9T7+c3Fzr5+9vLy6l3Mb8wfvoAbKhD8xE65C9r"
    "bLsODROgycCC2IAfmB+2yY8rqPFJMoS2XTqIDBx4WV/0Fw2zbVEEcy3e0Q/kl/HR3e1/Es"
    "o26X2yiZEo4X7yefibMhrcKoNJByww+UDQCiJ3ivqD8aQ/uZ/0h4MOMMmvNF2PykzReNKd"
    "KCoRUEZ3o/5Y6QDqa0Oji11or23TgVMUvRu9Pu5dD4c3REJfYmxN0fVwfNefdMmVJXbWpq"
    "tZh0d8nF8UiUS4yA5EuEg5uWDkks1VLfu1JeUE8JOvO7Q9hGxNgNoL642gcGCfFwH7PBvs"
    "80yw4UrjVWLcDfZGUDywLwutIpc5y8hleh2RznLfibPcXkkPggPPYaR74Qp3R2I1q5VwH2"
    "DXnJu6Frxs6gQeu3+adxJHkZY1EO85wfQORGRdmBMdy4+m95xN/T99qSEE2QJNPy+6erAm"
    "jjdjXghs6tAugn8TKRl332zREG9mmTqXcM7efWNC7TlIu/gBooZO0tXr+GQBJ0s6WfUzIg"
    "4yyP+YlNSCimhB8BEijgKUDfJGQMCo7oufCwB88XMmvvRWQsncLvr78BYR8TbDTdbWj8Pf"
    "KTMxw9+mSLnt9m86gJ1HaHaJMU0r4ezDHhQZj+zhSI2GpaGFp/HK62TP96hMg0vKf5aveo"
    "Nm1pWKQV5rzxbWOHvoL+PhIGMP3YokT1Om7oL/svyetUG93Utnnmm5JnJe08fWtnnmwE0h"
    "ih2kUtkNkokMTuMnJNpBKrtBQsEsOvOTcuJtqJXrLRHdvbh6HheSQQNpPxADGt4aqg+Q48"
    "eaPX/jUsIZWc4LGVnOc4ws55xEm8cX5rsmR26KWkmV5U4ZXPUHnzsgkCeKSnjFiVyZsH+6"
    "U/SJ6DQ05HdOlBqaNKu9UcCeveDq9LnVYbZCDZaG2Vw52towmuvC1dotnWkgKieTN8RUdM"
    "dVoW1jTqbf7BRYcSkBFJXGM2BtecsU7DtSYMUkBTSGHInxI8QkP1UAjSqBhuohl2dj3GH2"
    "SgrLhFhtHmuqtuyT0m4rJse3zeMbGpFKjm9ETI5vm8dX+idk65ti+SfEDm9bg3FB+igiIb"
    "mjnREvnsNTcWUwdCw2IzKl2hSa0fUM01WQaz+fcNxDIndP85xDNNqO+sfaJmzCOSSWbDyy"
    "NDPnD/JYvHEQSdzDcfodS7eQl3EL8ceI/PYsO24GxRMXE4CUiBOX74rQz++y2ed3KfJZ0/"
    "mpz3Mxbjzr+RF7I+D9DIFY2gFL2gFxthlwJ8xVepK1COSLIsvFRfZykc5BfUylPxpzEauh"
    "8McMzjEv7VW2P8dW4iB3jnZqz435bWTQ8dmwZ7LwEvXiqJvrMsuJ31q4deSiyDJykb2KXK"
    "QWEXak1PiG6Wx441LCwVzLci15w2z0xeUNo0RCwfN/VEQyhzuZQwaXpA53UIfRSVU6hWKd"
    "5OEveDbyuHFlwZ3TPNLwTzxTba+RYDL8hCCPEpSkn4wF44EseixYdt4P/iA0n+ujMUbwbZ"
    "Fat2+za92+TdW6XWu2xktVmxerEUrIUI3KD59H6H5NmnrQKDkAJ/97r9xT12lfeopG94MB"
    "870mmyxivtfRiktx3+uTPb6c6r2sDW5KlMx91+AnQjleZ9/qknxiV+MY1rJTfIbtJZRJKM"
    "nKQt6vNCeeEJM0SxGapbSPunRP3989XXJa2VNdXE5rbiLTWe417AlR6enaZk/XKONRUAmI"
    "ikjucid3yeCS3OUO7jI6qVrFXY51spR55OjzC56dcBjM2P3TPB7TCVuqf+JZ4WTVpC1wMT"
    "2bAc0FGph7rmdDwJZQMFlCYOMnYDrAJX8lwLrLD2AEDXIBk30J6JpNXS3Z3SftAb7y1qfJ"
    "M1wtD5kiBwPTBY5nPwY5rckED5JaP2H7AdoO0JBB/8m6OmX/CsJ5yYsB1jsE93d0nSyY8j"
    "qaDoz8GJnnq3XcbkgilTkjRWUEZBbfFaFt32XTtu9StK1mL0rximH7drCK9HnCsIrBKlRS"
    "hd5KCXhqEkl9PkLSuLKcHfm8MS9HR0vZZJnhJg1zPRluZDYsmQ3r6M72MueMzDkjHKkvk5"
    "F8NzqqpPK/j3GWhrrsDUssQ13K2vBCOQGgberLE14+AP/OaW4ugG2bOp16Jb3bJL37CG2n"
    "JLsbERGQ3K3F/4V+VCUQDpoLiG4txQ5pTS9urFw2gR4RaZ5Dfxn1qDK2/EU3s7/+H4ZzDm"
    "w="
)
