"""Pieces of the readers' pages kept rendered under the content version (articles.caching).

{% versioned "name" var … %}…{% endversioned %} renders its contents once per
content version, language and values of the variables named, like Django's
{% cache %} tag but invalidated by the same version bump as everything else
readers see (and expiring when the next scheduled article goes live), so a
fragment never outlives the data it shows. "… unless condition %}" renders
without keeping when the condition holds: for contents that vary with more
than the variables named (a form showing what a reader typed).

{% article_cards articles level=3 terms=… as cards %} gives each article's
card HTML (articles.cards), read from the cache in one round trip.
"""

from django import template
from django.utils.translation import get_language

from articles.caching import versioned
from articles.cards import render_cards

register = template.Library()


class VersionedNode(template.Node):
    def __init__(self, nodelist, name, vary_on, unless=None):
        self.nodelist, self.name, self.vary_on, self.unless = nodelist, name, vary_on, unless

    def render(self, context):
        if self.unless is not None and self.unless.resolve(context):
            return self.nodelist.render(context)
        values = [var.resolve(context) for var in self.vary_on]
        return versioned(f"fragment:{self.name}:{get_language()}:{values!r}", lambda: self.nodelist.render(context))


@register.tag("versioned")
def do_versioned(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a quoted fragment name, then variables it varies on")
    unless = None
    if len(bits) >= 4 and bits[-2] == "unless":
        unless, bits = parser.compile_filter(bits[-1]), bits[:-2]
    nodelist = parser.parse(("endversioned",))
    parser.delete_first_token()
    return VersionedNode(nodelist, bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]], unless)


@register.simple_tag
def article_cards(articles, level=2, terms=()):
    return render_cards(articles, level=level, terms=terms)
