"""The outreach tracker (issue 17, part 2; C2, C3, C9, C10): whom the municipality wants
to reach for a programme, how and when they were contacted, who referred them, their
answer and whether they joined; referrals from the interest form, invitations by e-mail,
the funnel on the dashboard. Optional app: ``"avp_wagtail.outreach"`` in
``INSTALLED_APPS``."""
