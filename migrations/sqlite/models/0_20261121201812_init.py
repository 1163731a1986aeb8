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
    "created_at" TIMESTAMP NOT NULL,
    "centre_id" INT REFERENCES "centres" ("id") ON DELETE CASCADE,
    "granted_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "node_id" INT REFERENCES "org_nodes" ("id") ON DELETE CASCADE,
    "user_id" INT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_role_grants_user_id_61beb1" UNIQUE ("user_id", "role", "centre_id", "node_id")
) /* A user may act as staff of one centre or admin\/grid worker of one node. */;
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
    "service_id" INT NOT NULL REFERENCES "services" ("id") ON DELETE CASCADE,
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
    "node_id" INT NOT NULL REFERENCES "org_nodes" ("id") ON DELETE CASCADE
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
    "centre_id" INT NOT NULL REFERENCES "centres" ("id") ON DELETE CASCADE,
    "created_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "need_id" INT REFERENCES "needs" ("id") ON DELETE CASCADE,
    "node_id" INT NOT NULL REFERENCES "org_nodes" ("id") ON DELETE CASCADE,
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
    "community_id" INT NOT NULL REFERENCES "org_nodes" ("id") ON DELETE CASCADE,
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
    "issuing_node_id" INT NOT NULL REFERENCES "org_nodes" ("id") ON DELETE CASCADE,
    "member_id" INT NOT NULL REFERENCES "members" ("id") ON DELETE CASCADE
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
    "member_id" INT NOT NULL REFERENCES "members" ("id") ON DELETE CASCADE,
    "task_id" INT NOT NULL REFERENCES "tasks" ("id") ON DELETE CASCADE,
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
    "member_id" INT NOT NULL REFERENCES "members" ("id") ON DELETE CASCADE
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
    "member_id" INT NOT NULL REFERENCES "members" ("id") ON DELETE CASCADE,
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
    "member_id" INT NOT NULL REFERENCES "members" ("id") ON DELETE CASCADE
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
    "eJztXW1z2zbW/SsYf2k646SxYycdZeeZUWQmVitLXkluulvt0BQJSagpQMsXO97d/vcHAE"
    "mJLyBFShRNMZjZTROSF6QOQPDi4Nx7/3uyJAY07TftFRqTB4hPWuC/J1hbQvqXxLlTcKKt"
    "Vpsz7ICjTU1+sbZCqsMu44e1qe1Ymu7QMzPNtCE9ZEBbt9DKQYTd5aQNplCzoAW4EZgR+r"
    "cFBL+MBn3Qvu1+BASbzwA5Nlho9gIgG9gOsaDxhjVvEJ22j/B875ZcjP7tQvrkc0iNLNre"
    "H/+ihxE24DdoB/9cPagzBE0jAg8yWAP8uOo8r/ixLnY+8wvZQ05VnZjuEm8uXj07C4LXVy"
    "PssKNziKGlOZA171guAwu7pukjG+DnPenmEu8RQzYGnGmuySBn1t4DbI6dqGp/MFZHylhV"
    "TxLdEViEcPUP6QSzrqSPavNfP2eP8Pr87OLDxc/v3l/8TC/hj7k+8uEv79YbYDxDDk9/fP"
    "IXP685mncFx3gDKu9DlXVUEtzOQrPE6EatYijTx4+jHGBaX5iX2jfVhHjuLOg/319kYPpb"
    "e9i5bg9fvb/4kd2Q0NfOeyP7/plzforBvoFZtyCDQtWcJMxX9IyDllAMddQyBrXhm74J/r"
    "IL8MGBDfKbKaQK6OkPNAZ0yvC7PAP6cfdGGY3bN7fsdkvb/rfJ8WuPFXbmnB99jh199T7W"
    "TetGwNfu+Bqwf4J/DvoKh5fYztzid9xcN/7nCXsmzXWIismTqhmh0RkcDVCL9Dr8tkK0tR"
    "16PWpZTa9X+b4dSScHIGX2sqnZjuraO73dcdsSetrvxrq83k3qaQs+0g/fLv0ctZS9XOde"
    "pq+jpRZyNkMW2z3OY/gkl+B0Mjd+9iD0ORlcSXQ/0zUCmuNf4TMHuUufSMM6FIDqr5Pu/G"
    "aODNy/gtETHN28zZb2tF73hAcV/e30F0PH88rbo077SjnhCE81/eFJsww1AjU7Q85J7Mj6"
    "2uSp5fkyfkTD2pyDw34Fe2Yf9SEx4RdL44+dWLpuTp5mrV0tepk6Z9flXrwyNMBSewb0Oq"
    "CxJaU2mwFC/4ch0CF2LAjoQlQzlgj/NLeQAZ6I9UBt/EswfQrRUra0dgUL2z/WI539YPZf"
    "r0H2N2Z38i+59H3BpW/QKclFr4LdZWISin7Pfdtylr6HmZFOhsqoe6X0xy1Av47IoGNvgm"
    "+Um0/KsAWWcDmF1gTTj+Xnzy1v2E9w++qm2295o32Cvwy7V+rXwfBXZsDGvuqN/fhrlGdJ"
    "ffY+x5L6LP7Z3yyp2Sm5pJZLam8GLeaeRWx2ctBq5m2XMzNuQOWfYvpCTJ+LAZuwk+AmwW"
    "Vf+mKwhiwkoElA5fpMrs+OYX2W/GyVAGpn3dBxTQJ5UY18q7fjypdR+6M6sOZ9v6Vmwhr6"
    "pGwHdfNZr24WOFJcEx5QBF36FKB/1+u9FFczgrbt/fAEUxOcOs3iaWzvovwKA4s8MT7FJH"
    "OEP3JVgE7IA4JgQejz8gMP8PmU/4XfJaoVEGoNymhTqg7qRb3QDiusOQjbSMWBVBzsAX1z"
    "6RGpOPgedii5asCGEO+qOAjZyr3oOvc0WhX5RHpXV7cncXJSycfx4jLHx/HiMvXjyE4JKC"
    "TqM2PB65MOb9SqcTCfX+bBmV6VCjQ/J8k6SdbVbp1eUzEFR12wOg96I31pzn5QvnV5OpZy"
    "VVyvVfHKnZpIF86W6R+liFFV6+KTv81crDP8AB2Hj9B64w/cqWbDNxg+eaEp/1fRhyvP4v"
    "k8ffF8nlg8ryiKKdqQlF4IDBrHTJyd5RFunKULN84S4Gq2/UTo1FmUAUoY1ll9UycnzED2"
    "ytSeVf7vAoDH7Rrn8l6+zQH25dtUrNmpKNRwqSGzCMZrg53ArdnSOz6Wc03Mlxkz82Viaj"
    "Y1PHepNyXGeLtyL2xf4Xj+z+J1p19wUJ/881rt9FuA206wQv/qRYUWHuZ5Rnn6IE+McdOA"
    "lvmsLoWbr58IMaGGU0Z7zDTWA1Nqe6guWB+plnL6NBj0ImzTp+44hvQdk2S+8j6h9CLkLU"
    "1ESiIHzZ7VlCkmE/e4aYW4B67LscNuL+3dQPcNJeT5If+3i6Cj0hncEhB0o6VmmqmLzZhp"
    "gwR0784/vF8vOdk/slabo5t2r5cGLMSCJWYeWH1DCWqUpLdVjS6GH4t+DCN2cnrIPz0YkO"
    "O24/520lrugdV5D2y97NcX1HffqctTmpD9Xud+5zvVXPa16zZ32Fj2dZ37WqqV0h2VZqmV"
    "EluZ6Ttvm+ERTXYVc7F828+/DqGpOb6oVbzLGU6tdWTDIG2nM6ncttU59SnxfkhFIrmPcl"
    "7Mg1R1GB3lcArrv3eHKSQ1byJIjOXR4Z4YeWE9fd5UQ984W19AwzWhCr/pkN9i33HlN6gE"
    "7TUUOPoz9Qe0L1qfWNAEfZRmYjT1fp3EKGuigtCwVboSRnMMBQRgEaT60GuhsTAxT1eClA"
    "2SRCcDHRVSH3xfD5NhpDzCxnrhqwVxyJ4Y3bI2GoqPDi0HzZBOf5WtItt2952SOpsGmwqZ"
    "qaGlrT5Ci/7OveFijTUUqBmdWxjvUgZb8Nlvq6FQLYhrlTWkrllbCl3tPTcULIQfkcNBsF"
    "VbGGFTBK7uurWGwuUlYitrdN3w1hoKlaPZD7bqE/774TSmTTUUJa46Yl/4/RmWfqiphqKl"
    "uQZiuhba1L4cXps11eSZ/U8yVS1330H1C5kO3SYNp0IBYvGJPx3LAYZjQv/4Dif9glF0fk"
    "4sQRzdJltWeiSdl3Eqd46bW81ynl8vNdvmoU9ID6cJtj1X5SOw4Jz+VzNZjmCWVBiZJphC"
    "k+A5cAjQUtMRl9z69gi/P7zUUCvN4RE1HL9/ybC/KsP+dKGMPj1iRBdr518w2I89UUWxfu"
    "XnEY6M/7x9EDGSYWj5wtAekEh3nC9sJ7CtM9Ynne74Hy2gI+d5gq+6o/Gw2xm3gIEY9LrD"
    "km0PFWXMsm1bENJ/dwY3N3d9z4gsl/TxmOWnu27vqtv/0gJTF5kG7bQJvm0Pf22BlWY9sP"
    "Ojbl8ZjdTNLaaujeinwFY397qhFuxeS2oDnfinJtcYKD2stmj8YfVxh5W9YGdv84Qe0qvS"
    "Z7K3ieBD9l9VxOVlQ+ybNC668yxXeOdZRnznWTLAUzMM6i0K1kDpGIdMGjiSz3ON5POMkX"
    "yeHMmmSAj62SRaiq9pCuWfM2ZwtOsiEZxXg7tPPQXcDpVOd9Qd8IjSjaSTn2SHNsETQ6Xd"
    "i2PrKRzyY+tdL7HNge1LJ46o0ex7nm9ayJgVEmkMQo+VgHgMv6WM35hZA4DOkoArv/Ooqr"
    "X6OwD01U379x8jQ7o36H8JLg91QKc3+BQD3tv/wsQpNLSjVg2AvYLvHotRUP9TcA6JGFWI"
    "c9tG2k8jFlG10FA1oF/kwfwiHfKLBOIyeLPi4E0Z6pM+1psV6vOyVXBq17mHzQNZeSWMuu"
    "Gbtpt0mrMUxlDx2LSsXJAvFz9Uz2VU/SJjjmVURhMqvWBEzFEC5u+N7h2YxltpKkhPED6Y"
    "zypfhu0H1Ffe0nXQUBPBqjqA6ChBqi7q42jhUZm0fk72V5MxoDpeW03Vk60s8ifU9/Wibr"
    "1WGooR17zuB1BOrevRvHKF9HY7Scl8bzNVULbxRrfJytSQD3zQTO1/xKocs6zg9sIjS6Se"
    "q1I9l4McsyB/6xs0cHf4IDqHKTEEpSnTd4CC6xuwB1H11k9kIklAviXrWsy2gYztkTC0AS"
    "bHUjuunp5aI3o54ibk/PJHXQtJxqdvaq3rAOdFNm7XoNS6h9rpqL6Wet1Gb96tjoLF1DeD"
    "sQRwm133O/He1qru9w19NgtpZteByxPBKjZy/jRrFbv0r1QRvTRnjNQAQ2Ai+geZ8aLcBM"
    "PX7LsPvLUweDVxL+DbtxP3/fT8jP759vzDxL28uNAm7ocP8JIegW/pn5fvLi9/bIGnheaw"
    "qKYp67dkyNShb5Zn5e3vRvgjwSaWoxLLoBfLhXelC28ZXiDDC449vGBGrKUY4O0xUoFthU"
    "gTC80R1syCiJ8Mht0v3X671wJBCywa6pYHQq2eJzg4r7b7V6p3IrhQ1bChelcpPaUzHg76"
    "3U4L0I+v7lgEIz3+jcgl5iw91kknrij3SXaVjbVRdYuss8NO9mXU1ygqPJaS4yKSY3pHA4"
    "k19VkxyCEjiXMenEN+YcFZIWpZ3dTwtv5TQ9T1zulPR40kn7WdcrE3Sqk9aYHmaa5OY9RA"
    "dHTVqdp4oO0VMAIh2W86GUCsucrUs7lzpbCLg4X5jLjWaxM+QhOw6HfwamW6NphbyLB/fA"
    "Pu71kyhft7sNQeWEoTd8ovoh3PlDRsVQ9WFpyhb/QCR1+IUqcc7mYTPMFrG2TzO7CUFzaY"
    "WWTJ/2kR4gCDPOFTADV9QR/ANMkTNMD0GUxOfprQ54Vv5uzWo+ufrm/p/96e/XR//9FP1v"
    "KDPcHBY9Ab0Ae3nr0f9LQgNn0cem/Aa9rZ4AnRvyP6F3q33BTFSrMgdiRD8cIMRd1TvVTG"
    "T7w7z+FgvTtP9a/YKZlbQpI/zSJ/+BdrV/ZnbVznEV1Sipwvw+5Vi3/PdyF7ys8hVTR9VL"
    "mZo2o0rx8kb5QBVyJ4sxfNa6Mmre9KWTJn8BDfGwVRmv5jQVwbLogpCo9IBTVqJJUfSVhl"
    "GiCZBugYsZU5DtKniObmOIiQLDm/AREb+QnYykR7eJVAROdPdFAzgPPy0JGRJTMdHDRKL5"
    "RDfHeQGidHjUK0QKZh7VtoqHFvrYyvlvHVVVSP23dqKlI27igHV1CHyYIrYu1dXyh3SY6j"
    "xgphNeBgK4DqGF/BlQmNOVRNhPeN4r/lLbXp6qmpo6rqdBBHCZLMB1FpPohkRi2BeEaYdi"
    "tdRmP7l6vRtF95BDWM9wEOC1Ix0GxGp+CNAsXL9gRWpoZbQDeJDY1TVjSIrCD2NCP2CupI"
    "MwGFDlqP9BYiFc0B7lA4eQV7BqlMqVaZYmgijTXjKlO21zShxjrCUB7vJCPkhdtjJU7z8p"
    "dAMBtnJQ7eGFWYNXh95GjTBrNZRvDhy94EXhs1iFktYw+Yj8HCaG6sJJwROKlTbheLn9hY"
    "NE4ZdZggFZm1QmatOC5wXyo0pYGwymQg1ScDeYmQn5oN3TIjfmSelQbmWQlGtogT2gz6DC"
    "YolMZ8O/0zIkvoLCiqQAuKQhsE2qce98KjkFyTBSURC/jprAFykiTPHu0UpnJkqJEMNRJD"
    "2/Cq0npoa3mXaI6wfb0DOpThuPu522mPlVELhLecJ3g06HTbPWrauRvyEA6bMH5YtaHuWj"
    "yQ43rAihl/aQGmheaVjpXelTLs/YMl9KCzhkmv6SlfWKIQE85ZlpBrpd0bX1MDqJnOgl5/"
    "c9sb/ONG6Y+pyXJlkuclnYB4xWR2x5Vmsfv8pvTvlBZ4hNiFE/y5fdNlt5hpS8TuMBhfK8"
    "MWIHxO22H4yErJMprtqDmbg0SzPcDnJ/rpL1QqOWzTOJQPwozJoqgvlBl7BgvN0P7lDQC6"
    "gukZmmiOpsikPkIRjGNmjcP6IBMIW+Lx354AOnMbM2wmy5/m38c0XIvrc9Qlwq5QmLklrl"
    "VgX93mxrsjyAmlayuNBZirK2iptkmKZ+ETNSAz8oVJLoTprKQZ6YM4FVyRaXXYvj+WgGI2"
    "7xvas61qdKEr4MeyR3DSusLhe1H/8aszzsVUddchs9kOgzjVvkKYz49pKHul0vmESv8vFE"
    "tsH9HCRir89tV/XMdQmlIUZkhHmoiHLIR3rCX5MYyof5bsF1gqnQts6Njp88kvo0E/TQ+U"
    "3kZcYol0B/wPmMg+GOip3PzK1HRov/mbqS2nhvZ/B2PnMzqBYZi9lo8v20+jgd6sgfhaXu"
    "ZEOcC8j2x/Bim4sozYyaVl/qWlzDqRPrabm3VCSiPLmrykzOygMrNiaSeCykN7BrvFSx01"
    "BPUoWx6JI9sdK2EcWzN0ZRG8vEA2dUFca0/EvvKWroOGGoiVLwDbE6dPXitNfQEZR6y6tj"
    "bfN8/CiDZ0x9ppElKHVGCGX0CBCjP2fqYrMeNTQo5gXMwDX7k40g93BXS9rPEwWUN7/kiX"
    "znTlTI+uoAXoAUBXPI+Q6yun1Bt9sMEUOvRizA4tBbG4Jd+AZbEfkic/gbwGfPEpILQRCx"
    "meoff1/sEGFruSKUB5LPD6Wuz923+EHTWhEbm035SUh1YrDw1gTyCbTQuGzJq0bCiDBnyB"
    "ANUGo/kiEapNxlOyBDLGr86wSvJFxvjVGNn6VvUK1taC5U9o2Z2+9Amv8Lcue9JxFSwD/g"
    "gPMK96lb/DwJLeQ0t9gL7fn7FYWJvR6/44cWmL4jOxItybk3JdIcPO6hp2lqcK1ll6Fayz"
    "RBUsumJXi8YOhW0aJ5nOFdiSEdcirNCtrihIhTFeGzUO5LOzPOP4LH0cnyWK5Ya/FkV2si"
    "OGDdzIPpKN6wCTzJ1riI1dujhkJju41h1MX0bHTYn/2x4CvbGucMJk3jA0Ck6bTMTzq3LV"
    "Ap71BHeulQ49oHb7LaAvoE4PqghP8BUFugUM+h2g17T7HaXXY2aenNhklv2BOroefKWjg6"
    "j2guK6y3RcejS7TVxLtE7M2ZFr6wo78glOi/biV+VTC1C7CW7fdltAW6EJ/tru/cq78Ukz"
    "H3gf0pfi82dWoFCbzerRO6HVVAGXJGq1U8/UbC0fxfkij+d3ke75XSSDxokoR2pGxDgR5k"
    "g9fn/vMlcc4mVGHOKlIMXfep7cRcAYNy7BM6jZ6G6SY7D+4O3S1TFb2dP172m1eIbUhGHj"
    "ZtGDRHOz4GBRYcfsfdONVYO2o0rZNpWSeimpl5vl5WQb3vhohRMOC0wbNFOVBjF9BXwNt6"
    "Gyuh3FUE6xlkDXR/jR9DkitL+bE9SQhRyoW6U0L6H4qNuYLUHysQllSroNJWD7HeuUxMi6"
    "tigyW+bKjoAamglTsmSnemMS220DVuCA5gA57lGVgHP+UKojhTrFCy2c+F3cCw5J9sFhIt"
    "mOBP7Dlk9cx7OJUuSHg90ykuRHg+u2R2ZdkydAn4hXKtShDcgMEAwBawdoFgSO9gDxR0BB"
    "sKFBT5nPYPrMcuETbCDWiGaCu1vGQySDskpsm8Vj3d9zA/A3EOScu78HyA72jAHisVvAps"
    "CxDUcHstzWXggWv4UN/Bbu70+BTYDzRCZ4ZRH6aOykrmGAWZAYmBKW2p9eydszNdvxfkFa"
    "BFeKdDMu1pTayiq1lVIU9V1smHgTQVEKP2zXJGqhDBafT5FFAV0bNSazUxlQSuJL8jQ1Wz"
    "DUNzSnD2HULQofz3R6Mb3iABE5W2NtfMFlaPOSB9dg+oTqSnMWopMWpLexnTX5ED+/aZZ+"
    "Jle0N6Fq0OeSsTkyNiemu2h2bM4D/eli+LdLaAPbCkUwGBbXQfcVJmdmlhPMHQj1a3d03Q"
    "I287TUJ2Qv4ivql1HMRuaz/HLOkFEDCy2dX17m0SNdXqbrkdi5mOuNHFFpiXSU1wYNRPgg"
    "tVJkAaAXKgDkWhQefecKfyHzKmd1YtG5uOi83mMRKSZ5YvEpwxtWjc9rZ4Kvu19YMT40X0"
    "zw3fALL8PHf5lTj5l+ZcEZtCzG/KNiYbFJywa8IxXMR+wrryI/3WZesCNGEuc8OE9dgy7s"
    "VF1bCehgqCP6eoqxjhrG6WDP8o3fwtHuc4mAvlI6XTp5UTBPz2PJtMPxQFGYNcOgy1ZbXV"
    "noUSsW/yMwbdzQPoiInd7R0XSncCaDuF3j0C4/m0EAWeGMBgnDxoF9kKwGxxYPbbvTJXKc"
    "4lTA6O7TTXc8ZnzAuo0Jbnc6yi0/qOksyTQ7NlR+UTr8mAX/hDo/dnV32+M1pVvAcFcmLy"
    "hNrUej7pc+t7ZtNMfsysGt0lc/D4Zqp9fu3rR4zlSVpdvQTQ0tJ7jbV2+Hgy9DZTRqAYTp"
    "ZEzYdp3N7jsa9H7z7msT89F7Ftaed4y1xIO5B/3P3eEND9QmeIasJT/aG4z4IZZy0KiHsx"
    "ugQnuJ1b1e+l547u+V2Lx5L/Yh3DHv7dwh0C1h2Di8DxIu7GIPsR1Kl8ZNK6wxsz5ytEVm"
    "wuDtMNpTzOWYzzPm4/tnyXVfpgxIYC6Dp+usBeJ+icur/e7c48kGZJ/XvM/pS2rsFHMct5"
    "U9XfOe5quOXd/rR9nPR9HP60XjLlkEYrayp2vd05wL2KWbw4ayj+vcxxQBzQsSos7+IzST"
    "XZ0tKxbZS4Vxjgw2+UjS1Ew2dcpodzJqj7ujz11OjtIHtukvNSb4U3vU7VBM/qGGzk81G9"
    "ERYz6roSuvuqPQJQay1+d2ISLPL/Js4Vyk7+BciLMQ0W5ZFuUgk5aSGshFDeyYpihsJz88"
    "df7wyFRU6e9Xc1NRuStjx16PWsper0uvC172REHR9U4cvaRQKETSUCbFEWQio798TqyiSc"
    "iiVhJYWWWuGlTXCgiVzIphK7CUwzYJMI/sKARsyEIOWQGi7HtIv0JF8zzGzeRgFeV4jIZb"
    "5oQ2biahlXUnX6ruJBYGohaGdWDN+35LDcU19JnZjmrgn5aALAtQ74SaO65pIfeojTr0uf"
    "K5+ZNoCRg3O2Fe/HOTA9z1x1+CuwXcuJuUA9wQMSDh3QJvkkTJAXB4qVXSDNxchAXr0j3y"
    "O65bE4RWFMnt2CzMo7vWj5Bdvjc8yiM8yvVtLpBWC+KQPUG6ZW00dBA5mv2wJzxj2kSD0D"
    "l08qi1D56SRCrso2cnk1J9ZxflzaLaBiznDEtwyszBE3IWADk2WFlkyZObBmpyoGEDbITG"
    "gO0m2R/BClrAWxYCYgG2kElmUz3QPbYnvpJ5p2TeqbrmnSo9KlDmnapP3qmCAe3VB7Ifcp"
    "o5cCg7+68qyvOaja8qzPJ6/DKzg0S5rkPIFsS1BL5gVm2pmGF1+2bnF7X+cArjvXbAN2Fa"
    "HcJn5wcWFpcGMbJV6vaix6IxwxG7CgOGA2flaOOFbWI5KrEMEWeerZSPWkqN/IvrbGq2Kj"
    "9+FUgDAa3VdnrN8G3KbvqRwrp1Mz3PXsM6MbvcZqiIA/W2HFII0PV+xBb2c7P/sZ35HGBI"
    "f5mGbV6wibGTGqcWPvLaSazHbF7ryYI6Wa5c2oGA1SljZ216lDzZSaazpDbzpPTnvzeZiV"
    "9SnlVSnpouzseckXxLT5k1mkD2vMuTTP9dejL9d4lk+rwyYFY+PTHKMbPmkT6lU5YO2QHm"
    "iJEEeTsvTIpllg2ubxy0B4mNZbN0Et1fRoN+StSEf308Zg7pDvgfMJF9MOohtBM1dZHpIG"
    "y/Ybc92N5TBtgMnwgHlMiZH0+PfxqNg2MNxHPmyyDW9BfhOMMZ8wSxUt+GFAxXCJtIbkVA"
    "Vm28/Lxk1cZChixtZ6uCbehqdJx1Azc3p7IZVNuJKv5Ol4Bpw9XHoZmvsCj2kGSMJ20UED"
    "FrzWM6CbORVuZRnlnwNcRMc2OcgiV0NOaQvZ5ZEAK0pM/2EcyQCW3qiT1C4NLetDiLsoQG"
    "0oCBLMgQfBbJzcprWGrM6kW4rNypiXThFzGjxE/YqD5qM4c8QFyR3Kz83E909p6nLGZz1T"
    "iYV72y9UOVCuJ9MlT+fkcdY1YpgNv7BQXuxt1BvxUSq06w8lv3Sul3lBaAj8iAwe9+cdah"
    "aAFEWfuwYO3DhbucFi4zGbVqHMNzEKSfkCECOfWrur5eroQEa8sFdccXAoImFc6NgcRTgO"
    "f0WRialgrn+nqJpgBNusiwyKNocZ4p4AubyYIfBQR8krJNH9rNpWx59ayCAsOQiaRs60DZ"
    "NhxQd2USzdghzVTSUMJbM0K8ZtgehA/nE2YJkHaCdpqJafi7sh3U0Lsttxq2IJucB2u14d"
    "CBloNmPLPHiWDbIXz6NGvzQd9cmHsL4pF+LLADocVJWqRDEGoFvJq4lzPjw8R9f/ZuRv/8"
    "8NagR861s4n781Snf75//xb++BHc37Oa5vb9PWCbDP+BNnhaaA5ATtAaNETbFNXeXG5l1G"
    "srA7vLqShaKkMOtraoahPjiJWjj9Dy3iQWK1k0NYHQuIF8+AE2GyhyhH48LCJweRiPkLLn"
    "EDXLIhGOEPQMkBkJIIZQlMFtK4Ce0XcNn0MczUwLrL6COlpqZpqcOWIZR9EzfeM30TAclU"
    "73pt179fPpeYwpDGaBi4TelrsdSYjTBbdrg3oobtn9GqO4Rbbt7sTeRgwleXtM5K0FH8nD"
    "joVFw5ayIFR9asQke9l/QYuSn3EzSX2KsoTYLitDVzwlgMBS7uIKEF5CtmQthm3ERqK6nb"
    "L3ACuBBr1ZN3RkAOdlQiNDazvJHH7LS4C3+YUMBNNiPpQlkZ8X3vrS+Hx7SkTgB/tWGdQ9"
    "uyQfaZ8OqoDg/oMnM+bt8qxe6gN89nIkRHIpRKYF/ix+NoVT8MfJJsLZoK3LHAsyrWwqtV"
    "CDtLJ5ePSzdB79LMGjZ2UFyCX0rz49gP8GF0T8pNNr0+XaVQv49hPc7au3w8GXoTIatQDC"
    "6soibGVnT3BncHPbU8b8arJcsTnYYEf7n7tDrw2CZ8ha+lW8b+/GfgVvnvRlgn9Thl2vqr"
    "e31cCODZWe0h6xYxad1Ong4cfGd8O+d8xxLez/qhen+UPTaf4ZL2okF6SiEpBwBzZnY9VA"
    "/q5JVE7ItSjYxVHLBnZzg2naJ2I9sDw51m7yaoG5JGzr/JbzDoPY2L23w8ayr+vc177zx2"
    "Qi4uROY/gtTUefNG1AFGBW5yq/j7P3Pdd92xv0vwSXxzdD/xJ1wG4f1ZitfNXq/ar5K6qd"
    "ejpqK3u6zj3NT667LNnX2QGACWMZBlggDNCnKFTqjtvFMpsmLRvwOasgbWFAAO0wrcVM5a"
    "xW51nNc+qLv1dxO/lW5Xmrdl1/yaXXsbxPUlpycgAGmu2XFsM0ZCERFSC6/kgXVfAlDeWW"
    "yVYtVLDfv6eOJGcB47qN3bxCktA7u12fI+VlB5KXhV7wEtBttvQpORkWFj/JCvBZ9X0iVT"
    "cgNBiG+yH0OdRKA0FKiTArgtA1a0LBjlfZvSEYHVJjuB5SAplheLilKw3DQ7tcreEWVaGs"
    "0fRC+sHjqoteHOiToTJiiWfH6rA97va/8KS0LP+so9KHo8hPcH+gjq4HX9XgSnobotoLut"
    "4OLp3gG4UxxKp/aQv4o9e/cILv+t2xqvzW7t21vdS39Gc5KnzUTHc9y9UgK7FORLUnt1Sg"
    "DYwatL4qpfwsWS79unv5xbdrE8lT5uEpZdrFdPSbKwmjJxeFS+WEbRo0U5VGtMlcljJ8s7"
    "aoZlCWMj9gLgaoWH5ASVoeiLT0PkOSr9xW3in8ta5VnGaIdBKwKFFKKp1H4eyXyirYo7zZ"
    "FscLuEl5+Jo3AExozKHVAvRGEBuvCfX2PgIN0AUZq8LEYuqQzWtoP7Hq2GBFKOK0e4Dm8J"
    "JNxBQkVjzgfQrTPn5iR5Vn3uLhpDw0Oij7ET0teSHJC6UHNVrQQIWrF3WGylV33AKeNYtQ"
    "HA6VjkfgbAb/LtxN+TGFkZch0THpqe/idt919rtd8t591xnv3hfIeBd+CuHMkaKMjZrVmU"
    "zekRo7z0WNnWdQY+dJaizypcyLdcSoiUgfoq5WON1tEbDjdg3Eu/zExJLxTYe+uYyvJCfL"
    "53s9/9UuiGrUSgIrWV+pAz5SeDNIdcn/Hoj/lbsV++1WDKknMex2xifCb1kJwDZRVJhAN/"
    "oRzwGw1Fq/kNZ6wzJKsWy1YtkufkSO5j9qYqMndPY0a6MHra/Luc0zcrTZjKe60xx9wTdR"
    "AIs3AQ6hf7Pd+RzatN98gSGrX8X1d/f34AHClc33W7xoVxsw6SFO7vAc5haZ+UN9fyKeO1"
    "Ru2VS5ZSNTgcpUoMV2zdhuL4OsGOInt0r/ikupffsJbnc6yi1P4qnpOlzxJJ5XSqfX5ck5"
    "DaibCLNjyu+33SE7BL+tkFWXdJ3Fsw7IfAPFdLwpwvP0YkhpovMXKobEbtuYYkiSYk9/FZ"
    "pLsWvYfoLWTt0eM5WJP+qc+IOvSHapiBS3kzSq5P6rQVVmVZFpP2pA7Mm0H3XYQdl8hyQT"
    "va3gUfyTXSslvT+wBeTqZsinE6veqMlJqraBSzv6BxtYcEUs5zXC4NXEfX+uXU7cy/N3b3"
    "9k1KezgMgCC7KErCjJkgVoPyfJ0/2ayqOAj0rcPdqHa995yLgvjPcPSwK1SgKVLv5Mlf8j"
    "gW0mFbQxaqDE7zIfHZTBBsXJoHXuhCIwR4waR7qVr6OU8uCq5MHfM+8vKtQl4v177Vteus"
    "vUVnZdWH8P+R1SDicMGzcdHSRgwXOodizIHjGVxHNdGMk8xLPM4P59EM+bKiIudpAp7us0"
    "JULCdM8wxePpZ0GU4qbyjk5cUYapDPl+wrI6fvTtoebGkunmILtbUXATdhJaUU40zoYUjT"
    "qJmklOX4Dt3EJGMVhDFnIzLwloiG/LCWjIQgIqY3iqHq920a3nkEU5U+rR078Zm6Ts5S5j"
    "y8lv5rjGat4tp9AMmLLZJHQHSsB1YM37vmD5yByB/GE7US9o+14p+8BXCu2RjtqQI5Rj1M"
    "pgqJcKhoKW42XMgHtGQ3U2LTVowkhGmu4LU84o06MEqPIyHUeJUtV1Oo4SpFiU3+5QRcMK"
    "mwjViueS3Ld6EG+kSRAlhVbRdV0SrwGGY0L/KNfNqNeKLveqw94iICxPteYPPYFqbTMo01"
    "VrodG/XbX2daE5QPPDcMHKIktkQ9uTm32YTdyfpzPtxxawH5Bp2qfgaQEtyP+DT8GCPIGl"
    "qy9OAd8x4UeTYraD3KF4llcpZnsBMZsDvxWqTRJc3zgxw0ECGrVHDdEfj0whuZEe1xi3q0"
    "d4I7tfY8Ib2Q6xOqNzXZEd6IjR97z3zIFwBNLMLdg5ImHmd4XckmBnYT6rLIxE4P9mF9lK"
    "GDdoA6SMYlsBPrskcE7Y7p3IuWY4Z43TdR7ns9x5nB81E+0g4omZfdd5xo9QE0yXKugxeJ"
    "bckuB2Z9z9TWFpP5j1BDOZ2dWw/bXfAk/IWRh0GVeT/Pky60E69M0Vn8qA7ZOS1poZO+cy"
    "FrbEWNg8G2UafWFVE2GRn1mcZ23T1hqEefRDzKit8qAaseaahNUhA4BDoyuVTg3G3jZKVW"
    "VDPnc08FpJAYgF2Oa/R20CDXitsUJXJoK2KPy3kK0wKeJqTRSzeDqZFPFFaVAe0lgI2ZCF"
    "/PgLZIj+C1kI04iNRHW7S7WZQ/Z0qRq3lRp3qSJDa7tkDguTpEo1YgLX0DRY1FE9vFPh+W"
    "GpXsXaTdvqVnhbn7n8inSEt3gB/B7SDXhRN0B+tA7hCnirq0Kghk0kptIReDFHwA6+EXvi"
    "2jRKIA5r+IWtlSNgkT8h/1wnnQD/VLYD4F1UnFP4wQ6YAL8J8Aq+mb8BI81xLUN7Bo7rEA"
    "b9jx8BcmxgQ9tmylGgWZDXYcimHUpqfrtKSzogVTogsjjDi+7+OcgxC+G/NmhgGqyzXIq4"
    "swxF3FlSEZdZ/XkMv6XMHy9W/flg6sOs3VPl93Fk4zShd1tvnvYG/S/B5XERXBR4ZKubvf"
    "vYBgchJtRwyswdtovhPqWGhwI+mHqqhf7TYNCLQP+pG8f27uaTQod9TCcjSHIhlQTfoZJA"
    "h9ixCjIIEZsGKfpKTMUjd2cOSh9IujsYQPvS3cm5oARcO+uGjmseyJ3SIDwB7hEZnqKpLi"
    "LgyFm84EiAPqhwI3V3Jce+SoENlZPxAgL/IXjICyAzPxbND1lbUyEaNjxuA7A6ljNiJSmU"
    "fRuThIkkTOoC7aFzgxdMcS+z2xfIbs/+q8JCCaVDJg3gPyrgmmxiOSqxDJHoODvOKmrZmA"
    "Seu4ZYJVYOeZwxf6NNimrTfLNEbbMSoGLua+OAOqQTy/19gQ8brAPSXdj1YiPPtuAKQR0y"
    "X/ORzjHYgdACT8R6WPucuoYBT9V0CtwVqx10f69rK01HzvP9PdCom0oXiKINwfIazpOwYR"
    "NytqkB8i9WlCiygpOZHKQnXPetw/LruhPX0lM6IEcs59q6zt7zSV9h5VkwZMVauH+gfu2O"
    "rlvAZt6U+oTsxQTfDge/KJ1xKxAmTPBgfK0MW4DwaWWXzip9n1eWPRLAfJCyR3JHXe6oN3"
    "RHnU7llmPvsL8bMZTVaupcrQZiY5ceDpnJ/q11/9q0D7jYYpeUMQLrvZPG7DSnnlXf1UHK"
    "mMsCKWOClWdROi5sVx0ZdyhQS8x35GgPIg45G8210XfPayYSZauG9lw4KVfUsjpQP9Qf1C"
    "NMcERW3stRZFk8uFX6dH1LLSf4812vRxumjzHBV/Sr1QIGwXCCO+1+R+n12PpZZ7/WNGFN"
    "KpxKoWI69FKoWK5QsXYdXHZlO/+NKFraKmEnZaACGSiEBUvbhSwkoFJXe3hEfc67YAR5xE"
    "gO1O1yZQjLKGjV95s5LmxzS5U3c992qfJqEwu7J6ihqNpm4hp9W+uoAq/bJLu/DFzm6Kku"
    "aGHtiZaAbbOr2iWc9n2K2sk6bbK4Vt2ymUo14Q5qwtSwmAia2brCAyYcc3xho0w39vKSPZ"
    "kYq/wVOH99CkEaspCIbl98BxPInq5hzkDLuoGb1zcMDSqZZKzpScbuMBJmGOPHMz/2LJdX"
    "7iACT9P/gw3gcmWSZ2ixEo2XH85/nrg/v73Q6d/fXV5O3IvZhfHjR2BBHaJHaNO/rIjl2C"
    "xIgGUC8yMDfuAqbCSOKjjgnWQAbb18EBk28LJK9BcNsq1R/PJBtNEP9JeJ0d2uPglsq9Se"
    "rCMkCohPvgx+U4b9G6U/boE5oS8IXkLsTHC3Pxp3x3fj7qDfAoj+SuS4zGaCR+P2WFGpgT"
    "K8HXZHSgswpQ2LLXagtbKQDSc4fDZ8fNS5Hgx61EJfEGJO8PVgdNsdt+mRBbFXyNHM/eM9"
    "zi/yxCFcpIchXCQkLgQ79OOqFn3b4nYNUMkfOrA9gGxFgdoJ67Vh48A+zwP2eTrY56lgw6"
    "UmqsK4Hey1YfPAvsw1i1xmTCOXyXlESuW+E6ncTikP/AXPfqR77up2R7JrdlDCvU8cNEO6"
    "5j9sYgUeOX+atRLHoSsPQLxnhNLbENN5YUZ9LC+W3rXXtf/0hYYx5BM0e73Y7MEvsd0p1y"
    "DwocOa8P9NrWTUfaXLZzpt0ImEzjUpKvcUyjliJb+9eb698BFiwWc3HeS1QQMjiS9+zgHw"
    "xc+p+LJTMddmM9XssloOmdcZbvpGfxr8ztbDU/KNrnJv2l26dOVeMMtoMGKpDOxd1qx5+i"
    "O9OxK9YWp47mqiii7p4z1sU+GU8p/F606/mnmlZJBX2rNJNMFX8ZfRoJ8i1d2YxH14pDvg"
    "fzyn5MGg3lChUxeZDsL2G3bbg5GfGXAziCLueyKiPh48H/PLWQOJiPqYW5N35MftmvdBLZ"
    "0RC3mM+Z3CqJEUqifVBwY03BVUH6BAPZk+fqNWjaP2z3NR++cZ1P65ILnj8YWWruhCj6FW"
    "0GW5VfpX3f6XFvDtqaMSHLFDR8b8n84Ef6Y+DQsznVGnhiVqqm/kqWvNhT59ZkGSjVGF1U"
    "jWR462HInmOHC5cgpHt4ftZMKAiItuOyq0LCLILpuedilq1QBHpfKsSxu2LAH7lrRLEcsG"
    "UvBHQrkHmGSHp7NYBmioLnZEO1tbNlvixjIJU537mrktu6RR25jJ/q1z/wZbFwX7N2Qm+7"
    "fO/St3xdP9zWbtikcWb5ttypz0UchCckdb4yxcW+TiyhDcSERAaEjVKSCg7RrIUbBjPZ8I"
    "RAmhs6dZkgSNXcdUmRaCVUgSIgmuQ1MzlxzQ25K1LCF2jkTpdyLFCC8jRvD6iP72tH3cFI"
    "onatYAUiJKXL7PQz+/T2ef3yfIZ00Xp9vOxLjyTNtHrEYgu20EErkPWHAfkKRvA26FWTgt"
    "Hz/IF3mmi4v06SKZ9/iYyk1UJhE7QLGJKZwRUaqldD3HxmIvOUc9vefKdBspdHw67KksvE"
    "Q9P+poVWQ68a5u3DxykWcauUifRS4SkwhfUmrijel0eKNWjYP5INO15A3T0W8ubxgmEnKu"
    "/8MmkjncyhxyuCR1uIU6DA+qwon7Dkke/kKmQ1cYzeSfOc0iDf8kU9VyKwlhIk8YiihBSf"
    "pVSfqt3KmJ9IIr+IhRfVJ5OOQB4opyeZTPpaRnmxB3QvUZJipjBN/lqa/6Lr2+6rtEfdWV"
    "ZmmiBKlZsRqBhQzVKH3xeYTya3qpC42CHXDy9zvljkmnPesJHt71+1x7TT+ymGuvw1V+ot"
    "rrkx3enPJV1oYwEUfqd9cQp984XrFveakliaMJNtbSE0sG10so41DSmYU+X2FOPGYmaZY8"
    "NEthjbqUp+8uT5ecVvpQby6nNUMY2Yuduj1mKpWudVa6hhmPnE5A2ERyl1u5Sw6X5C63cJ"
    "fhQVUr7rINLaQvTkSiR+/MaabgcXPNIZlLyU9WyU8+QssuKJYLmTSQGzuIk89eqgII+5c3"
    "EN2D5BFm6TKFgoB09jFkUj39eOQql4R/UOXH7K//B4w/r5I="
)
