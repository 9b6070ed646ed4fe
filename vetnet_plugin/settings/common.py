"""
Settings every VETNet installation gets, for the LMS and for Studio.

Each value is only a default: an operator overrides it in the platform's
settings (for Tutor, in an ``openedx-common-settings`` patch).
"""

DEFAULTS = {
    # Celery queue the plugin's tasks are routed to (None: the default queue).
    "VETNET_CELERY_QUEUE": None,
    # Page size of the member directory and other paginated lists.
    "VETNET_PAGE_SIZE": 20,
    "VETNET_MAX_PAGE_SIZE": 100,
    # Languages the community writes in (ISO 639-1); language detection chooses among them.
    "VETNET_COMMUNITY_LANGUAGES": ["en", "it", "el", "es", "ca", "fr", "de", "pt"],
    # Optional machine translation, off by default. To turn it on, a LibreTranslate-style API:
    # {"URL": "https://translate.example.org/translate", "API_KEY": "", "TIMEOUT": 3, "NAME": "LibreTranslate"}
    "VETNET_MACHINE_TRANSLATION": None,
    # Deepest reply level in discussions (0 is a post, 1 a reply, ...).
    "VETNET_DISCUSSION_MAX_DEPTH": 3,
    # Creation limits per member, for every feature: action -> [how many, in how many seconds];
    # over it, HTTP 429. An action left out keeps its default here; [0, 0] turns its limit off.
    "VETNET_RATE_LIMITS": {
        "post": [10, 300], "scenario": [3, 3600], "translation": [20, 3600], "flag": [20, 3600], "rating": [200, 3600],
        "deposit": [20, 3600], "review": [60, 3600], "adoption": [60, 3600], "collection": [30, 3600],
        "contact": [5, 3600], "best_practice": [10, 3600], "peer_review": [30, 3600],
        # Workspaces: opening one, saving the shared document (pages save as members type), adding tasks.
        "workspace": [5, 3600], "document_save": [720, 3600], "workspace_task": [60, 3600],
    },
    # Delphi aggregates of fewer raters are withheld, so no rating can be traced back to a person.
    "VETNET_DELPHI_MIN_RATERS": 3,
    # Hours between two e-mail digests to a follower (24: daily); 0 turns digests off.
    "VETNET_DIGEST_INTERVAL_HOURS": 24,
    # Sender of digests (None: the platform's DEFAULT_FROM_EMAIL).
    "VETNET_DIGEST_FROM_EMAIL": None,
    # Resource toolbox (Sharing). Upload limit in bytes; a block may only lower it.
    "VETNET_TOOLBOX_MAX_UPLOAD_BYTES": 50 * 1024 * 1024,
    # File extensions members may upload; each must agree with the file's magic
    # bytes. HTML, SVG, scripts and executables are refused even if listed here.
    "VETNET_TOOLBOX_ALLOWED_EXTENSIONS": [
        "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "epub",
        "txt", "csv", "md", "png", "jpg", "jpeg", "gif", "webp", "mp3", "mp4", "webm", "zip",
    ],
    # Storage alias (a key of STORAGES) for toolbox files; None means "default",
    # so S3 through django-storages needs only the operator's STORAGES setting.
    "VETNET_TOOLBOX_STORAGE": None,
    "VETNET_TOOLBOX_STORAGE_PREFIX": "vetnet/toolbox",
    # Dotted path to ``scan(file, name) -> bool`` (True: clean). None: files are
    # not scanned and become downloadable as soon as the scan task runs.
    "VETNET_UPLOAD_SCANNER": None,
    # Facet counts are exact up to this many matching resources; a larger
    # result counts its leading ones, so search time stays flat as the library grows.
    "VETNET_TOOLBOX_FACET_WINDOW": 400,
    # Result counts stop here ("more than 1,000 resources"), for the same reason.
    "VETNET_TOOLBOX_COUNT_LIMIT": 1000,
    # The member directory's count stops here likewise ("more than 1,000 members").
    "VETNET_DIRECTORY_COUNT_LIMIT": 1000,
}


def plugin_settings(settings):
    """Apply VETNet's defaults without overriding what the operator set."""
    for name, value in DEFAULTS.items():
        if not hasattr(settings, name):
            setattr(settings, name, value)
    _schedule_discussion_digests(settings)
    _schedule_best_practice_waiting_rule(settings)
    _schedule_workspace_due_reminders(settings)


def _schedule_discussion_digests(settings):
    # Hourly: the task itself decides who is due, so the digest interval stays
    # a plain setting an operator can change without touching the beat schedule.
    schedule = getattr(settings, "CELERY_BEAT_SCHEDULE", None)
    if schedule is None:
        schedule = settings.CELERY_BEAT_SCHEDULE = {}
    entry = {"task": "vetnet.send_discussion_digests", "schedule": 3600.0}
    if settings.VETNET_CELERY_QUEUE:
        entry["options"] = {"queue": settings.VETNET_CELERY_QUEUE}
    schedule.setdefault("vetnet-discussion-digests", entry)


def _schedule_best_practice_waiting_rule(settings):
    # Hourly: each assignment's own waiting time decides which practices are due,
    # so trainers set it per block without touching the beat schedule.
    schedule = getattr(settings, "CELERY_BEAT_SCHEDULE", None)
    if schedule is None:
        schedule = settings.CELERY_BEAT_SCHEDULE = {}
    entry = {"task": "vetnet.apply_best_practice_waiting_rule", "schedule": 3600.0}
    if settings.VETNET_CELERY_QUEUE:
        entry["options"] = {"queue": settings.VETNET_CELERY_QUEUE}
    schedule.setdefault("vetnet-best-practice-waiting-rule", entry)


def _schedule_workspace_due_reminders(settings):
    # Hourly: each task is reminded of once (the day before it is due), whenever the beat first runs that day.
    schedule = getattr(settings, "CELERY_BEAT_SCHEDULE", None)
    if schedule is None:
        schedule = settings.CELERY_BEAT_SCHEDULE = {}
    entry = {"task": "vetnet.send_workspace_due_reminders", "schedule": 3600.0}
    if settings.VETNET_CELERY_QUEUE:
        entry["options"] = {"queue": settings.VETNET_CELERY_QUEUE}
    schedule.setdefault("vetnet-workspace-due-reminders", entry)
