"""HousingMatch: local records of housing requests and reserved units, with explained rankings."""

__version__ = "0.1.0"
