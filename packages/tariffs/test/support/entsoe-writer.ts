/**
 * A test-only writer of A44 documents (the tree parseEntsoeXml reads), for round-trip tests: one
 * TimeSeries per resolution, curve type A01 with every position, prices per MWh from µ/kWh.
 */
export interface WrittenPeriod {
  start: number;
  resolutionMin: 15 | 30 | 60;
  /** µ/kWh, one per position */
  prices: number[];
}

const iso = (ms: number) => new Date(ms).toISOString().replace(":00.000Z", "Z");

function perMwh(p: number): string {
  const sign = p < 0 ? "-" : "";
  const a = Math.abs(p);
  return `${sign}${Math.floor(a / 1000)}.${String(a % 1000).padStart(3, "0")}`;
}

export function writeA44(currency: string, periods: WrittenPeriod[]): string {
  const series = periods
    .map((p, i) => {
      const end = p.start + p.prices.length * p.resolutionMin * 60_000;
      const points = p.prices
        .map(
          (price, k) =>
            `<Point><position>${k + 1}</position><price.amount>${perMwh(price)}</price.amount></Point>`,
        )
        .join("");
      return `<TimeSeries><mRID>${i + 1}</mRID><businessType>A62</businessType><currency_Unit.name>${currency}</currency_Unit.name><price_Measure_Unit.name>MWH</price_Measure_Unit.name><curveType>A01</curveType><Period><timeInterval><start>${iso(p.start)}</start><end>${iso(end)}</end></timeInterval><resolution>PT${p.resolutionMin}M</resolution>${points}</Period></TimeSeries>`;
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><Publication_MarketDocument xmlns="urn:iec62325.351:tc57wg16:451-3:publicationdocument:7:3"><mRID>x</mRID><revisionNumber>1</revisionNumber><type>A44</type>${series}</Publication_MarketDocument>`;
}
