package dev.shiprun.runner.ci.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a report file as a stream of XML events, safely: a build writes these files, so a DOCTYPE
 * with declarations (and with it every entity, internal or external) is refused, nothing outside
 * the file is ever opened and StAX has no XInclude. A DOCTYPE that only names an external DTD, as
 * Cobertura, gcovr and cover2cover write it, is allowed and its DTD never loaded. The JDK's own
 * parser is used whatever else is on the class path.
 */
final class ReportXml {

  private final XMLInputFactory factory;

  ReportXml() {
    factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("an external entity (" + systemId + ") is not read");
        });
  }

  /** What a report reader does with the events of one file. */
  interface Handler {
    void read(XMLStreamReader xml) throws XMLStreamException, UnreadableReport;
  }

  /**
   * Opens the file and gives its events to the handler, which reads them all; a DOCTYPE with
   * declarations, or XML that is not well formed, ends the reading with the reason.
   */
  void read(Path file, Handler handler) throws UnreadableReport {
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader xml = new NoDtdReader(factory.createXMLStreamReader(in));
      try {
        handler.read(xml);
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      throw new UnreadableReport("is not well-formed XML (" + describe(e) + ")");
    } catch (IOException e) {
      throw new UnreadableReport("cannot be read (" + e.getMessage() + ")");
    }
  }

  private static String describe(XMLStreamException e) {
    String message = e.getNestedException() != null ? e.getNestedException().getMessage() : null;
    if (message == null || message.isBlank()) {
      message = e.getMessage();
    }
    // The JDK puts "ParseError at [row,col]:[r,c]\nMessage: ..." in front of the message.
    int at = message == null ? -1 : message.lastIndexOf("Message: ");
    String text = at >= 0 ? message.substring(at + "Message: ".length()) : String.valueOf(message);
    text = text.lines().findFirst().orElse("").trim();
    Location where = e.getLocation();
    return where != null && where.getLineNumber() > 0
        ? "line " + where.getLineNumber() + ": " + text
        : text;
  }

  /** Refuses the file at a DOCTYPE with declarations, before any entity it declares is used. */
  private static final class NoDtdReader extends javax.xml.stream.util.StreamReaderDelegate {

    NoDtdReader(XMLStreamReader reader) {
      super(reader);
    }

    @Override
    public int next() throws XMLStreamException {
      int event = super.next();
      if (event == XMLStreamConstants.DTD && getText().indexOf('[') >= 0) {
        throw new XMLStreamException(
            "a DOCTYPE with declarations, which reports never need, is refused", getLocation());
      }
      if (event == XMLStreamConstants.ENTITY_REFERENCE) {
        throw new XMLStreamException(
            "the entity reference &" + getLocalName() + "; is refused", getLocation());
      }
      return event;
    }

    @Override
    public int nextTag() throws XMLStreamException {
      int event = next();
      while (event == XMLStreamConstants.SPACE
          || event == XMLStreamConstants.COMMENT
          || event == XMLStreamConstants.PROCESSING_INSTRUCTION
          || event == XMLStreamConstants.DTD
          || (event == XMLStreamConstants.CHARACTERS && isWhiteSpace())) {
        event = next();
      }
      if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
        throw new XMLStreamException("text where an element was expected", getLocation());
      }
      return event;
    }
  }
}
