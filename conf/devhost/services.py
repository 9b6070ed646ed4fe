"""
The XBlock services the host gives blocks, shaped like the LMS's.

``opt_attrs`` use the LMS's keys, so a block that reads
``edx-platform.user_id`` here reads the same value on the platform.
"""
import gettext
import hashlib
import hmac
import os
import sys

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import translation
from xblock.reference.user_service import UserService, XBlockUser

from . import course_roles
from .models import AnonymousUserId

ATTR_IS_AUTHENTICATED = "edx-platform.is_authenticated"
ATTR_USER_ID = "edx-platform.user_id"
ATTR_USERNAME = "edx-platform.username"
ATTR_USER_IS_STAFF = "edx-platform.user_is_staff"
ATTR_USER_IS_GLOBAL_STAFF = "edx-platform.user_is_global_staff"
ATTR_USER_ROLE = "edx-platform.user_role"
ATTR_ANONYMOUS_USER_ID = "edx-platform.anonymous_user_id"
ATTR_USER_PREFERENCES = "edx-platform.user_preferences"


def anonymous_user_id(user, course_key) -> str:
    """The stable per-course anonymous id of ``user``, stored so it can be read back."""
    existing = AnonymousUserId.objects.filter(user=user, course_key=str(course_key)).first()
    if existing:
        return existing.anonymous_user_id
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{user.id}|{course_key}".encode(), hashlib.sha256
    ).hexdigest()[:32]
    try:
        with transaction.atomic():
            AnonymousUserId.objects.create(user=user, course_key=str(course_key), anonymous_user_id=digest)
    except IntegrityError:
        pass  # a concurrent request stored the same value
    return digest


class LmsUserService(UserService):
    """The ``user`` service, bound to the Django user of the request."""

    def __init__(self, django_user, course_key, **kwargs):
        super().__init__(**kwargs)
        self._django_user = django_user
        self._course_key = course_key

    def get_current_user(self):
        user = self._django_user
        if not user.is_authenticated:
            xblock_user = XBlockUser(is_current_user=True)
            xblock_user.opt_attrs[ATTR_IS_AUTHENTICATED] = False
            return xblock_user
        xblock_user = XBlockUser(
            is_current_user=True, emails=[user.email], full_name=user.get_full_name() or user.username
        )
        xblock_user.opt_attrs.update({
            ATTR_IS_AUTHENTICATED: True,
            ATTR_USER_ID: user.id,
            ATTR_USERNAME: user.username,
            ATTR_USER_IS_STAFF: course_roles.has_staff_access(user, self._course_key),
            ATTR_USER_IS_GLOBAL_STAFF: bool(user.is_staff),
            ATTR_USER_ROLE: course_roles.user_role(user, self._course_key),
            ATTR_ANONYMOUS_USER_ID: anonymous_user_id(user, self._course_key),
            ATTR_USER_PREFERENCES: {"pref-lang": translation.get_language()},
        })
        return xblock_user

    def get_anonymous_user_id(self, username, course_id):
        """The anonymous id of ``username`` in ``course_id`` (None for an unknown user)."""
        user = get_user_model().objects.filter(username=username).first()
        return anonymous_user_id(user, course_id) if user else None

    def get_user_by_anonymous_id(self, uid=None):
        """The Django user behind an anonymous id of this course (the current user's by default)."""
        if uid is None:
            return self._django_user
        row = AnonymousUserId.objects.select_related("user").filter(anonymous_user_id=uid).first()
        return row.user if row else None


_catalogs: dict = {}


def _block_catalog(locale_dir: str, locale: str):
    """
    A block package's catalog for ``locale``, read once per process (the
    catalogs ship with the package), or None where it has none.
    """
    key = (locale_dir, locale)
    if key not in _catalogs:
        try:
            _catalogs[key] = gettext.translation("text", locale_dir, [locale])
        except OSError:
            _catalogs[key] = None
    return _catalogs[key]


class I18nService:
    """
    The ``i18n`` service: the block's own ``translations/<locale>/LC_MESSAGES/text.mo``
    next to its module, as the LMS looks them up, else Django's catalogs, always in
    the request's active language.
    """

    def __init__(self, block=None):
        self.translator = translation
        if block is None:
            return
        block_class = getattr(block, "unmixed_class", type(block))
        module = sys.modules.get(block_class.__module__)
        module_file = getattr(module, "__file__", None)
        if not module_file:
            return
        locale_dir = os.path.join(os.path.dirname(module_file), "translations")
        language = translation.get_language() or settings.LANGUAGE_CODE
        self.translator = _block_catalog(locale_dir, translation.to_locale(language)) or translation

    def __getattr__(self, name):
        # pgettext, npgettext... as the translator offers them.
        return getattr(self.translator, name)

    def gettext(self, message):
        return self.translator.gettext(message)

    ugettext = gettext

    def ngettext(self, singular, plural, number):
        return self.translator.ngettext(singular, plural, number)

    ungettext = ngettext

    @staticmethod
    def strftime(dtime, format):  # pylint: disable=redefined-builtin
        return dtime.strftime(format)

    @staticmethod
    def get_language_bidi():
        return translation.get_language_bidi()

    @staticmethod
    def get_javascript_i18n_catalog_url(block):  # pylint: disable=unused-argument
        """The host has no per-block JavaScript catalogs."""
        return None
