"""
Settings every VETNet installation gets, for the LMS and for Studio.

Each value is only a default: an operator overrides it in the platform's
settings (for Tutor, in an ``openedx-common-settings`` patch).
"""

# Each setting is annotated as the Open edX platform annotates its settings
# (name, default, description and an optional warning, in code-annotations' format);
# ``make quality`` checks the annotations and docs/reference/settings.md is
# generated from them (``make settings-reference``), so the reference cannot drift.
DEFAULTS = {
    # .. setting_name: VETNET_CELERY_QUEUE
    # .. setting_default: None
    # .. setting_description: Celery queue VETNet's tasks and periodic tasks are sent to. None sends
    #   them to the Celery app's default queue; with Tutor, the LMS workers' ``edx.lms.core.default``.
    "VETNET_CELERY_QUEUE": None,
    # .. setting_name: VETNET_PAGE_SIZE
    # .. setting_default: 20
    # .. setting_description: Items per page of the member directory and the other paginated lists.
    "VETNET_PAGE_SIZE": 20,
    # .. setting_name: VETNET_MAX_PAGE_SIZE
    # .. setting_default: 100
    # .. setting_description: The largest ``page_size`` a REST client may ask for.
    "VETNET_MAX_PAGE_SIZE": 100,
    # .. setting_name: VETNET_COMMUNITY_LANGUAGES
    # .. setting_default: ["en", "it", "el", "es", "ca", "fr", "de", "pt"]
    # .. setting_description: Languages the community writes in (ISO 639-1 codes). Offline language
    #   detection chooses among them, and members filter and translate contributions by them.
    "VETNET_COMMUNITY_LANGUAGES": ["en", "it", "el", "es", "ca", "fr", "de", "pt"],
    # .. setting_name: VETNET_MACHINE_TRANSLATION
    # .. setting_default: None
    # .. setting_description: Optional machine translation of contributions, off when None. To turn it
    #   on, a LibreTranslate-compatible API: ``{"URL": "https://translate.example.org/translate",
    #   "API_KEY": "", "TIMEOUT": 3, "NAME": "LibreTranslate"}``. A failing service never breaks a page.
    # .. setting_warning: Texts are sent to that service; choose one your privacy policy allows.
    "VETNET_MACHINE_TRANSLATION": None,
    # .. setting_name: VETNET_DISCUSSION_MAX_DEPTH
    # .. setting_default: 3
    # .. setting_description: Deepest reply level in discussions (0 is a post, 1 a reply, ...).
    "VETNET_DISCUSSION_MAX_DEPTH": 3,
    # .. setting_name: VETNET_RATE_LIMITS
    # .. setting_default: {"post": [10, 300], "scenario": [3, 3600], "translation": [20, 3600],
    #   "flag": [20, 3600], "rating": [200, 3600], "deposit": [20, 3600], "review": [60, 3600],
    #   "adoption": [60, 3600], "collection": [30, 3600], "contact": [5, 3600],
    #   "best_practice": [10, 3600], "peer_review": [30, 3600], "counselling_case": [5, 3600],
    #   "workspace": [5, 3600], "document_save": [720, 3600], "workspace_task": [60, 3600],
    #   "policy_response": [10, 3600], "partnership": [5, 3600], "partnership_invitation": [60, 3600]}
    # .. setting_description: Creation limits per member, for every feature: action -> [how many, in
    #   how many seconds]; over the limit a request answers HTTP 429. An action left out keeps its
    #   default; [0, 0] turns that action's limit off.
    "VETNET_RATE_LIMITS": {
        "post": [10, 300], "scenario": [3, 3600], "translation": [20, 3600], "flag": [20, 3600], "rating": [200, 3600],
        "deposit": [20, 3600], "review": [60, 3600], "adoption": [60, 3600], "collection": [30, 3600],
        "contact": [5, 3600], "best_practice": [10, 3600], "peer_review": [30, 3600],
        "counselling_case": [5, 3600],
        # Workspaces: opening one, saving the shared document (pages save as members type), adding tasks.
        "workspace": [5, 3600], "document_save": [720, 3600], "workspace_task": [60, 3600],
        # Policy makers answering scenarios and topics.
        "policy_response": [10, 3600],
        # Partnerships: proposing one, inviting partners to it.
        "partnership": [5, 3600], "partnership_invitation": [60, 3600],
    },
    # .. setting_name: VETNET_DELPHI_MIN_RATERS
    # .. setting_default: 3
    # .. setting_description: Delphi aggregates of fewer raters are withheld, so that no rating can be
    #   traced back to a person. It may be raised, never below 3; aggregates are also withheld whenever
    #   a rater could deduce another's rating (docs/decisions/0005).
    "VETNET_DELPHI_MIN_RATERS": 3,
    # .. setting_name: VETNET_POLICY_MIN_CELL
    # .. setting_default: 10
    # .. setting_description: The policy dashboard suppresses any figure describing fewer people than
    #   this, and the figures it could be worked out from (complementary suppression). Never below 3.
    "VETNET_POLICY_MIN_CELL": 10,
    # .. setting_name: VETNET_DIGEST_INTERVAL_HOURS
    # .. setting_default: 24
    # .. setting_description: Hours between two e-mail digests to a follower (24: daily); 0 turns
    #   digests off.
    "VETNET_DIGEST_INTERVAL_HOURS": 24,
    # .. setting_name: VETNET_DIGEST_FROM_EMAIL
    # .. setting_default: None
    # .. setting_description: Sender address of digests and notices; None uses the platform's
    #   ``DEFAULT_FROM_EMAIL``.
    "VETNET_DIGEST_FROM_EMAIL": None,
    # .. setting_name: VETNET_COUNSELLING_ROUTING_PER_CASE
    # .. setting_default: 20
    # .. setting_description: Peer counselling: at most this many members whose profiles match a new case
    #   are told about it by e-mail (the best matches first); 0 tells nobody.
    "VETNET_COUNSELLING_ROUTING_PER_CASE": 20,
    # .. setting_name: VETNET_COUNSELLING_ROUTING_DAILY_LIMIT
    # .. setting_default: 3
    # .. setting_description: Peer counselling: a member is told about at most this many new cases in any
    #   24 hours, across every course.
    "VETNET_COUNSELLING_ROUTING_DAILY_LIMIT": 3,
    # .. setting_name: VETNET_TOOLBOX_MAX_UPLOAD_BYTES
    # .. setting_default: 50 * 1024 * 1024
    # .. setting_description: Upload limit of the resource toolbox, in bytes. A block may only lower it.
    "VETNET_TOOLBOX_MAX_UPLOAD_BYTES": 50 * 1024 * 1024,
    # .. setting_name: VETNET_TOOLBOX_ALLOWED_EXTENSIONS
    # .. setting_default: ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp",
    #   "rtf", "epub", "txt", "csv", "md", "png", "jpg", "jpeg", "gif", "webp", "mp3", "mp4", "webm", "zip"]
    # .. setting_description: File extensions members may upload; each must agree with the file's
    #   magic bytes.
    # .. setting_warning: HTML, SVG, scripts and executables are refused even if listed here.
    "VETNET_TOOLBOX_ALLOWED_EXTENSIONS": [
        "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "epub",
        "txt", "csv", "md", "png", "jpg", "jpeg", "gif", "webp", "mp3", "mp4", "webm", "zip",
    ],
    # .. setting_name: VETNET_TOOLBOX_STORAGE
    # .. setting_default: None
    # .. setting_description: Storage alias (a key of ``STORAGES``) for toolbox files; None means
    #   ``default``, so S3 through django-storages needs only the operator's ``STORAGES`` setting.
    "VETNET_TOOLBOX_STORAGE": None,
    # .. setting_name: VETNET_TOOLBOX_STORAGE_PREFIX
    # .. setting_default: "vetnet/toolbox"
    # .. setting_description: Folder inside that storage where toolbox files are written.
    "VETNET_TOOLBOX_STORAGE_PREFIX": "vetnet/toolbox",
    # .. setting_name: VETNET_UPLOAD_SCANNER
    # .. setting_default: None
    # .. setting_description: Dotted path to ``scan(file, name) -> bool`` (True: clean), run by a Celery
    #   task before a file can be downloaded. None: files are not scanned and become downloadable as
    #   soon as the scan task runs.
    "VETNET_UPLOAD_SCANNER": None,
    # .. setting_name: VETNET_TOOLBOX_FACET_WINDOW
    # .. setting_default: 400
    # .. setting_description: Facet counts are exact up to this many matching resources; a larger
    #   result counts its leading ones, so search time stays flat as the library grows.
    "VETNET_TOOLBOX_FACET_WINDOW": 400,
    # .. setting_name: VETNET_TOOLBOX_COUNT_LIMIT
    # .. setting_default: 1000
    # .. setting_description: Toolbox result counts stop here ("more than 1,000 resources"), so
    #   counting stays fast.
    "VETNET_TOOLBOX_COUNT_LIMIT": 1000,
    # .. setting_name: VETNET_PUBLIC_REPOSITORY
    # .. setting_default: False
    # .. setting_description: Publish the best-practice repository to everyone: a public read-only
    #   page, its Atom and JSON feeds and the entries' exports, without login. Off, those addresses
    #   answer 404 and only members browse the repository. Nothing public names a person except
    #   authors who agreed to be credited.
    "VETNET_PUBLIC_REPOSITORY": False,
    # .. setting_name: VETNET_DIRECTORY_COUNT_LIMIT
    # .. setting_default: 1000
    # .. setting_description: The member directory's count stops here ("more than 1,000 members").
    "VETNET_DIRECTORY_COUNT_LIMIT": 1000,
    # .. setting_name: VETNET_ENROLLMENT_SOURCE
    # .. setting_default: None
    # .. setting_description: Outside the platform only: dotted path to ``enrollments(course_key,
    #   batch_size)``, an iterator of batches of ``(user_id, course_key, mode, is_active, created)``
    #   with an optional ``.count(course_key)``, read by ``vetnet_backfill_memberships``. Inside the
    #   LMS the platform's enrollments are read and this setting is ignored.
    "VETNET_ENROLLMENT_SOURCE": None,
    # .. setting_name: VETNET_PARTNERSHIP_INSTRUMENTS
    # .. setting_default: [{"key": "erasmus_ka220", "label": "Erasmus+ KA220 cooperation partnership",
    #   "min_organisations": 3, "min_countries": 3, "programme_countries_only": True,
    #   "required_organisation_types": [], "note": "At least three organisations from three different
    #   programme countries."}, {"key": "erasmus_ka210", "label": "Erasmus+ KA210 small-scale
    #   partnership", "min_organisations": 2, "min_countries": 2, "programme_countries_only": True,
    #   "required_organisation_types": [], "note": "At least two organisations from two different
    #   programme countries."}, {"key": "erasmus_ka1", "label": "Erasmus+ KA1 learning mobility",
    #   "min_organisations": 2, "min_countries": 2, "programme_countries_only": True,
    #   "required_organisation_types": [], "note": "A sending and a hosting organisation in two
    #   different programme countries."}, {"key": "erasmus_cove", "label": "Centres of Vocational
    #   Excellence", "min_organisations": 8, "min_countries": 4, "programme_countries_only": True,
    #   "required_organisation_types": ["vet_provider", "sme_association"], "note": "At least eight
    #   partners from four programme countries, with a VET provider and an enterprise or sector
    #   representative."}, {"key": "esf_plus", "label": "ESF+", "min_organisations": 1, "min_countries":
    #   1, "programme_countries_only": False, "required_organisation_types": [], "note": "Rules are set
    #   by the national or regional managing authority."}, {"key": "other", "label": "Other funding",
    #   "min_organisations": 1, "min_countries": 1, "programme_countries_only": False,
    #   "required_organisation_types": [], "note": ""}]
    # .. setting_description: The funding instruments a partnership may target, with the rules its
    #   composition is checked against: a list of ``{"key", "label", "min_organisations",
    #   "min_countries", "programme_countries_only", "required_organisation_types", "note"}``. Each
    #   partner member stands for one organisation; ``min_countries`` counts different countries, only
    #   programme countries when ``programme_countries_only`` is true. Operators update the list when a
    #   programme guide changes; a partnership keeps its instrument's key.
    "VETNET_PARTNERSHIP_INSTRUMENTS": [
        {"key": "erasmus_ka220", "label": "Erasmus+ KA220 cooperation partnership", "min_organisations": 3,
         "min_countries": 3, "programme_countries_only": True, "required_organisation_types": [],
         "note": "At least three organisations from three different programme countries."},
        {"key": "erasmus_ka210", "label": "Erasmus+ KA210 small-scale partnership", "min_organisations": 2,
         "min_countries": 2, "programme_countries_only": True, "required_organisation_types": [],
         "note": "At least two organisations from two different programme countries."},
        {"key": "erasmus_ka1", "label": "Erasmus+ KA1 learning mobility", "min_organisations": 2,
         "min_countries": 2, "programme_countries_only": True, "required_organisation_types": [],
         "note": "A sending and a hosting organisation in two different programme countries."},
        {"key": "erasmus_cove", "label": "Centres of Vocational Excellence", "min_organisations": 8,
         "min_countries": 4, "programme_countries_only": True,
         "required_organisation_types": ["vet_provider", "sme_association"],
         "note": "At least eight partners from four programme countries, with a VET provider and an "
                 "enterprise or sector representative."},
        {"key": "esf_plus", "label": "ESF+", "min_organisations": 1, "min_countries": 1,
         "programme_countries_only": False, "required_organisation_types": [],
         "note": "Rules are set by the national or regional managing authority."},
        {"key": "other", "label": "Other funding", "min_organisations": 1, "min_countries": 1,
         "programme_countries_only": False, "required_organisation_types": [], "note": ""},
    ],
    # .. setting_name: VETNET_PARTNERSHIP_PROGRAMME_COUNTRIES
    # .. setting_default: ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR",
    #   "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI",
    #   "NO", "MK", "RS", "TR"]
    # .. setting_description: Countries (ISO 3166-1 alpha-2) that count as programme countries in the
    #   instruments' rules.
    "VETNET_PARTNERSHIP_PROGRAMME_COUNTRIES": [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT",
        "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO", "MK", "RS", "TR",
    ],
    # .. setting_name: VETNET_PARTNER_SEARCH_CANDIDATES
    # .. setting_default: 40
    # .. setting_description: How many members each bucket of a partner search reads before ranking
    #   (one bucket per wanted organisation type, other countries, the topic, any match), so a search
    #   costs the same however large the community is.
    "VETNET_PARTNER_SEARCH_CANDIDATES": 40,
    # .. setting_name: VETNET_PHASE_CRITERIA
    # .. setting_default: {"communication": {"rated": 1, "posted": 2, "counselled": 0}, "sharing":
    #   {"deposited": 1, "adopted": 1}, "collaboration": {"collaborated": 1}, "cooperation": {"submitted": 1,
    #   "reviewed": 2, "partnered": 0}}
    # .. setting_description: How often a member does each action of a learning phase to meet it, in a
    #   course whose trainers did not set their own (the hub's phase criteria page). 0: not asked for.
    #   A phase that asks for nothing is met by doing any of its actions once.
    "VETNET_PHASE_CRITERIA": {
        "communication": {"rated": 1, "posted": 2, "counselled": 0},
        "sharing": {"deposited": 1, "adopted": 1},
        "collaboration": {"collaborated": 1},
        "cooperation": {"submitted": 1, "reviewed": 2, "partnered": 0},
    },
    # .. setting_name: VETNET_CREDENTIAL_SIGNING_KEY
    # .. setting_default: None
    # .. setting_description: The site's Ed25519 private key (its 32-byte seed, base64url) that signs the
    #   Open Badges 3.0 credentials of the informal phases. None derives one from ``SECRET_KEY``, which
    #   changes every credential's issuer when the secret is rotated: set it in production.
    # .. setting_warning: A secret: keep it out of version control, and keep it when ``SECRET_KEY`` rotates.
    "VETNET_CREDENTIAL_SIGNING_KEY": None,
    # .. setting_name: VETNET_HUB_LINKS
    # .. setting_default: {}
    # .. setting_description: The cross-course parts the community hub links to: ``{"library": url,
    #   "directory": url, "repository": url}``. A part left out links to the plugin's own endpoint where
    #   there is one (the community library, a course's member directory).
    "VETNET_HUB_LINKS": {},
    # .. setting_name: VETNET_HUB_TASKS_DUE_DAYS
    # .. setting_default: 7
    # .. setting_description: The community hub lists a member's unfinished workspace tasks due within
    #   this many days (and those overdue).
    "VETNET_HUB_TASKS_DUE_DAYS": 7,
}


def plugin_settings(settings):
    """Apply VETNet's defaults without overriding what the operator set."""
    for name, value in DEFAULTS.items():
        if not hasattr(settings, name):
            setattr(settings, name, value)
    _schedule_periodic_tasks(settings)


# The periodic tasks run hourly: each task decides itself what is due (a follower's
# digest interval, an assignment's waiting time, a block's follow-up delay), so
# operators and trainers change those without touching the beat schedule.
PERIODIC_TASKS = {
    "vetnet-discussion-digests": "vetnet.send_discussion_digests",
    "vetnet-best-practice-waiting-rule": "vetnet.apply_best_practice_waiting_rule",
    "vetnet-counselling-follow-ups": "vetnet.send_counselling_follow_ups",
    # Each task is reminded of once, the day before it is due, whenever the beat first runs that day.
    "vetnet-workspace-due-reminders": "vetnet.send_workspace_due_reminders",
    # The policy dashboard reads these snapshots, so its cost does not grow with the community.
    "vetnet-policy-snapshots": "vetnet.refresh_policy_snapshots",
    # Every member's progress through the four phases, from what they did (the hub and profiles read it).
    "vetnet-phase-progress": "vetnet.record_phase_progress",
}


def _schedule_periodic_tasks(settings):
    schedule = getattr(settings, "CELERY_BEAT_SCHEDULE", None)
    if schedule is None:
        schedule = settings.CELERY_BEAT_SCHEDULE = {}
    for name, task in PERIODIC_TASKS.items():
        entry = {"task": task, "schedule": 3600.0}
        if settings.VETNET_CELERY_QUEUE:
            entry["options"] = {"queue": settings.VETNET_CELERY_QUEUE}
        schedule.setdefault(name, entry)
