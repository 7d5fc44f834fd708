// Package reports renders results for people and machines: one renderer
// per format, each writing one neutral report value to an io.Writer.
// Renderers never compute findings or costs; they only present them.
package reports
