"""The Drugs room: dictionary search, monographs, and the regimen safety checker."""
