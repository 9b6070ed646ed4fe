"""Forms of the host's community pages; the plugin's API does the real validation."""
from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from vetnet_plugin import api


def _with_blank(choices, blank_label):
    return [("", blank_label)] + list(choices)


class DirectoryFilterForm(forms.Form):
    """Narrow the member directory; every field is optional."""

    search = forms.CharField(label=_("Name or organisation"), required=False, max_length=100)
    country = forms.ChoiceField(label=_("Country"), required=False)
    organisation_type = forms.ChoiceField(label=_("Organisation type"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    topic = forms.ChoiceField(label=_("Topic of expertise"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        any_label = _("Any")
        self.fields["country"].choices = _with_blank(countries, any_label)
        self.fields["organisation_type"].choices = _with_blank(api.OrganisationType.CHOICES, any_label)
        self.fields["sector"].choices = _with_blank(api.SECTORS, any_label)
        self.fields["language"].choices = _with_blank(api.LANGUAGES, any_label)
        self.fields["topic"].choices = _with_blank(api.TOPICS, any_label)


class ProfileForm(forms.Form):
    """The member's own profile, as ``api.update_member_profile`` takes it."""

    organisation = forms.CharField(label=_("Organisation"), required=False, max_length=200)
    organisation_type = forms.ChoiceField(label=_("Organisation type"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"), required=False,
        help_text=_("Hold Ctrl (or Cmd) to choose more than one."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    sectors = forms.MultipleChoiceField(label=_("Sectors"), required=False, widget=forms.CheckboxSelectMultiple)
    topics = forms.MultipleChoiceField(
        label=_("Topics of expertise"), required=False, widget=forms.CheckboxSelectMultiple
    )
    bio = forms.CharField(label=_("Short bio"), required=False, widget=forms.Textarea(attrs={"rows": 5}))
    open_to_counselling = forms.BooleanField(
        label=_("Other members may contact me for peer counselling"), required=False
    )
    open_to_partnership = forms.BooleanField(label=_("Other members may contact me about partnerships"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation_type"].choices = _with_blank(api.OrganisationType.CHOICES, _("Not set"))
        self.fields["country"].choices = _with_blank(countries, _("Not set"))
        self.fields["languages"].choices = api.LANGUAGES
        self.fields["sectors"].choices = api.SECTORS
        self.fields["topics"].choices = api.TOPICS
