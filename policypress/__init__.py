"""policypress: publish policy documents as a searchable bilingual site."""

__version__ = "0.1.0"
