"""Elchi: embassy advisories for Central Asian migrant workers in Russia, over Telegram."""

__version__ = "0.1.0"
