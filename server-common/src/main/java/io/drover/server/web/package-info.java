/** What the dashboard's pages of both apps share. */
package io.drover.server.web;
