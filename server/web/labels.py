"""Display labels of enum values, marked for translation in one place."""

from __future__ import annotations

from server.i18n import N_

CENTRE_KIND = {
    "city": N_("City centre"),
    "district": N_("District centre"),
    "street": N_("Street centre"),
    "community": N_("Community centre"),
    "building": N_("Office building centre"),
    "park": N_("Industrial park centre"),
    "business_district": N_("Business district centre"),
    "market": N_("Market centre"),
}

CHANNEL = {
    "inbox": N_("In-app message"),
    "email": N_("Email"),
    "sms": N_("SMS"),
}

MATERIAL_FORM = {
    "original": N_("original"),
    "copy": N_("copy"),
    "original_and_copy": N_("original and copy"),
    "electronic": N_("electronic"),
}

BOOKING_STATUS = {
    "booked": N_("Booked"),
    "checked_in": N_("Checked in"),
    "done": N_("Done"),
    "cancelled": N_("Cancelled"),
    "no_show": N_("Missed"),
}

SERVICE_CATEGORY = {
    "certificates": N_("Certificates and proofs"),
    "social_security": N_("Social and medical insurance"),
    "housing": N_("Housing"),
    "elderly": N_("Care for older people"),
    "legal": N_("Legal advice"),
    "health": N_("Health"),
    "employment": N_("Jobs and training"),
    "party": N_("Party affairs"),
    "venue": N_("Rooms and venues"),
    "family": N_("Marriage, births and family"),
    "other": N_("Other"),
}

WEEKDAY = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)

NEED_STATUS = {
    "submitted": N_("Submitted"),
    "accepted": N_("Taken up by the centre"),
    "rejected": N_("Not taken up"),
    "duplicate": N_("Already reported"),
    "assigned": N_("Assigned"),
    "open_for_claim": N_("Open for volunteers"),
    "in_progress": N_("In progress"),
    "resolved": N_("Resolved, waiting for the resident to confirm"),
    "reopened": N_("Reopened"),
    "confirmed": N_("Confirmed"),
    "closed": N_("Case closed"),
}

URGENCY = {
    "low": N_("Not urgent"),
    "normal": N_("Normal"),
    "high": N_("Urgent"),
    "urgent": N_("Very urgent: safety at risk"),
}

NEED_KIND = {
    "need": N_("A need or a problem"),
    "small_wish": N_("A small wish"),
}

RATING = {
    "satisfied": N_("Satisfied"),
    "basically_satisfied": N_("Basically satisfied"),
    "dissatisfied": N_("Dissatisfied"),
}

NEED_EVENT = {
    "submit": N_("Posted"),
    "accept": N_("Accepted by the centre"),
    "reject": N_("Not taken up"),
    "duplicate": N_("Marked as already reported"),
    "assign": N_("Assigned"),
    "publish": N_("Opened to volunteers"),
    "start": N_("Work started"),
    "resolve": N_("Resolved"),
    "confirm": N_("Confirmed by the resident"),
    "reopen": N_("Reopened by the resident"),
    "close": N_("Case closed"),
    "claim": N_("Claimed by a volunteer"),
    "give_back": N_("Given back by the volunteer"),
    "release": N_("Released: the volunteer's time ran out"),
    "rate": N_("Rated"),
    "unreasonable": N_("Marked unreasonable"),
    "escalate": N_("Late: escalated"),
    "photo_shown": N_("Photo shown publicly"),
    "photo_hidden": N_("Photo kept private"),
}

# The same, as told to the person who asked (messages, "my needs").
NEED_STATUS_MINE = {**NEED_STATUS, "resolved": N_("Resolved, waiting for your confirmation")}
