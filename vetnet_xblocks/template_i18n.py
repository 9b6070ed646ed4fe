"""
``{% trans %}`` and ``{% blocktrans %}`` for block templates, through the
block's i18n service.

While a tag renders, the block's own catalog is asked first and Django's
after it, as the platform's ``xblock.utils`` tags do, but without building
a Django catalog per tag or merging the block's catalog into Django's shared
one: the lookup order is a small object made once per catalog and language,
so a template compiled once renders with no catalog work at all.
"""
from __future__ import annotations

import threading

from django.template import Library, Node
from django.templatetags import i18n
from django.utils.translation import get_language, trans_real

register = Library()

_layered_cache: dict = {}
_layered_lock = threading.Lock()


class _BlockCatalogFirst:
    """The block's catalog where it has the message, Django's otherwise."""

    def __init__(self, block_translator, django_translation):
        self._block = block_translator
        self._catalog = getattr(block_translator, "_catalog", None) or {}
        self._django = django_translation

    def gettext(self, message):
        if message in self._catalog:
            return self._block.gettext(message)
        return self._django.gettext(message)

    def ngettext(self, singular, plural, number):
        if (singular, 0) in self._catalog:
            return self._block.ngettext(singular, plural, number)
        return self._django.ngettext(singular, plural, number)

    def __getattr__(self, name):
        return getattr(self._django, name)


def _layered(i18n_service, language):
    catalog = getattr(i18n_service, "_catalog", None)
    if not catalog:
        return None  # no catalog of the block's own: Django's alone, as active
    key = (id(catalog), language)
    layered = _layered_cache.get(key)
    if layered is None or layered[0] is not catalog:
        with _layered_lock:
            if len(_layered_cache) > 256:  # services built with throw-away catalogs
                _layered_cache.clear()
            layered = (catalog, _BlockCatalogFirst(i18n_service, trans_real.translation(language)))
            _layered_cache[key] = layered
    return layered[1]


def translation_key(i18n_service) -> tuple:
    """
    What a block template's translated text depends on, for caching its
    output: the active language and the catalogs its tags read, as objects
    (kept alive by the key, so no id is reused). A service without a catalog
    of its own is its own key.
    """
    language = get_language()
    layered = _layered(i18n_service, language) if i18n_service is not None and language else None
    return (language, layered if layered is not None else i18n_service)


def _is_constant(node) -> bool:
    """A ``{% trans "text" %}`` whose output depends on the language only (no variable, filter, context or ``as``)."""
    if not isinstance(node, i18n.TranslateNode) or node.asvar or node.message_context:
        return False
    expression = node.filter_expression
    return not expression.filters and getattr(expression.var, "literal", None) is not None


class BlockTransNode(Node):
    """
    Renders a Django translation node with the block's catalog first.

    A constant ``{% trans "text" %}`` is translated once per catalog, language
    and escaping, then read back: a post's dozen labels cost no lookups.
    """

    def __init__(self, node):
        self.node = node
        self._constant: dict | None = {} if _is_constant(node) else None

    def render(self, context):
        service = context.get("_i18n_service")
        language = get_language()
        layered = _layered(service, language) if service is not None and language else None
        if self._constant is None:
            return self._render(context, layered)
        key = (layered, language, context.autoescape)  # the object itself: no id reused
        value = self._constant.get(key)
        if value is None:
            value = self._render(context, layered)
            if len(self._constant) > 64:  # languages x catalogs: a few in practice
                self._constant.clear()
            self._constant[key] = value
        return value

    def _render(self, context, layered):
        if layered is None:
            return self.node.render(context)
        active = trans_real._active  # pylint: disable=protected-access
        previous = getattr(active, "value", None)
        active.value = layered
        try:
            return self.node.render(context)
        finally:
            if previous is None:
                del active.value
            else:
                active.value = previous


@register.tag("trans")
@register.tag("translate")
def block_translate(parser, token):
    """``{% trans %}`` through the block's catalog."""
    return BlockTransNode(i18n.do_translate(parser, token))


@register.tag("blocktrans")
@register.tag("blocktranslate")
def block_translate_block(parser, token):
    """``{% blocktrans %}`` through the block's catalog."""
    return BlockTransNode(i18n.do_block_translate(parser, token))


# The rest of Django's i18n library ({% get_current_language %}...) as it is.
for _name, _tag in i18n.register.tags.items():
    register.tags.setdefault(_name, _tag)
for _name, _filter in i18n.register.filters.items():
    register.filters.setdefault(_name, _filter)
