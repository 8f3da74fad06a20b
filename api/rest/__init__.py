"""REST endpoints: health and the Open Referral UK API."""
