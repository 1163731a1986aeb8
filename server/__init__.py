"""Doorstep (家门口): bookings, needs and volunteering for Party-mass service centres."""
