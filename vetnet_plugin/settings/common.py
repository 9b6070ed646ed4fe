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
    # How many of each a member may create per hour (0: no limit).
    "VETNET_TOOLBOX_RATE_LIMITS": {"deposit": 20, "review": 60, "adoption": 60, "collection": 30},
}


def plugin_settings(settings):
    """Apply VETNet's defaults without overriding what the operator set."""
    for name, value in DEFAULTS.items():
        if not hasattr(settings, name):
            setattr(settings, name, value)
