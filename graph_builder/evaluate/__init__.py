"""Measure extraction against published gold annotations (DDI-2013, TAC-2017 ADR).

Each corpus is turned into plain-text documents as a user would have them (a title line
naming the drug, then running text), built with the normal pipeline, and what the graph
states is scored against the gold. No side channel: only the graph is read.
"""
