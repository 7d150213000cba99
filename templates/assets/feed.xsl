<?xml version="1.0" encoding="utf-8"?>
<!--
  湘豫防疫会议档案的订阅源样式表：浏览器直接打开 Atom 订阅源（feed.xml）时，用它把订阅源显示成
  一页可读的报道列表，并说明订阅源是什么、怎样订阅。订阅阅读器不读样式表，收到的仍是原样的订阅源。

  界面文字按订阅源的 xml:lang 选用简体（zh-Hans）、繁体（zh-Hant）或英文（en）。
  只显示条目的标题、日期、作者、分类和摘要的纯文本；正文 HTML 不在这里呈现，
  也从不关闭输出转义，因此条目中的任何标记都只会作为文字出现。链接只接受 http(s) 和站内路径。
  XSLT 1.0：浏览器只支持这一版本。
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" indent="no" doctype-system="about:legacy-compat"/>

  <xsl:variable name="lang" select="string(/atom:feed/@xml:lang)"/>
  <xsl:variable name="is-en" select="starts-with($lang, 'en')"/>
  <xsl:variable name="is-hant" select="$lang = 'zh-Hant'"/>
  <!-- The styles are site.css and feed.css beside this stylesheet: found from the feed's own
       xml-stylesheet instruction, so that they follow the site's path prefix. -->
  <xsl:variable name="instruction" select="string(/processing-instruction('xml-stylesheet'))"/>
  <xsl:variable name="assets" select="substring-before(substring-before(substring-after($instruction, 'href=&quot;'), '&quot;'), 'feed.xsl')"/>

  <!-- One interface string in the feed's language. -->
  <xsl:template name="say">
    <xsl:param name="hans"/>
    <xsl:param name="hant"/>
    <xsl:param name="en"/>
    <xsl:choose>
      <xsl:when test="$is-en"><xsl:value-of select="$en"/></xsl:when>
      <xsl:when test="$is-hant"><xsl:value-of select="$hant"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$hans"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A link target from the feed, kept only when it is http(s) or a path on this site. -->
  <xsl:template name="safe-href">
    <xsl:param name="href"/>
    <xsl:if test="starts-with($href, 'https://') or starts-with($href, 'http://') or (starts-with($href, '/') and not(starts-with($href, '//')))">
      <xsl:attribute name="href"><xsl:value-of select="$href"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template match="/">
    <html>
      <xsl:attribute name="lang">
        <xsl:choose>
          <xsl:when test="$lang != ''"><xsl:value-of select="$lang"/></xsl:when>
          <xsl:otherwise>zh-Hans</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="referrer" content="no-referrer"/>
        <title>
          <xsl:value-of select="/atom:feed/atom:title"/>
          <xsl:call-template name="say">
            <xsl:with-param name="hans">（订阅源）</xsl:with-param>
            <xsl:with-param name="hant">（訂閱源）</xsl:with-param>
            <xsl:with-param name="en"> (feed)</xsl:with-param>
          </xsl:call-template>
        </title>
        <xsl:if test="starts-with($assets, '/') or starts-with($assets, 'https://') or starts-with($assets, 'http://')">
          <link rel="stylesheet" href="{$assets}site.css"/>
          <link rel="stylesheet" href="{$assets}feed.css"/>
        </xsl:if>
      </head>
      <body>
        <main class="feed-view">
          <div class="about">
            <p>
              <strong>
                <xsl:call-template name="say">
                  <xsl:with-param name="hans">这是一个订阅源（Atom 格式），供订阅阅读器使用。</xsl:with-param>
                  <xsl:with-param name="hant">這是一個訂閱源（Atom 格式），供訂閱閱讀器使用。</xsl:with-param>
                  <xsl:with-param name="en">This is a web feed (Atom), meant for a feed reader.</xsl:with-param>
                </xsl:call-template>
              </strong>
            </p>
            <p>
              <xsl:call-template name="say">
                <xsl:with-param name="hans">要订阅，把这一页的网址复制到订阅阅读器（RSS 阅读器）里：有新报道时，阅读器会列出它。下面是订阅源现在的内容。</xsl:with-param>
                <xsl:with-param name="hant">要訂閱，把這一頁的網址複製到訂閱閱讀器（RSS 閱讀器）裡：有新報道時，閱讀器會列出它。下面是訂閱源現在的內容。</xsl:with-param>
                <xsl:with-param name="en">To subscribe, copy this page’s address into your feed reader (RSS reader): it will list each new report as it appears. Below is what the feed holds now.</xsl:with-param>
              </xsl:call-template>
            </p>
            <xsl:if test="/atom:feed/atom:link[@rel='self']/@href">
              <p>
                <xsl:call-template name="say">
                  <xsl:with-param name="hans">订阅地址：</xsl:with-param>
                  <xsl:with-param name="hant">訂閱地址：</xsl:with-param>
                  <xsl:with-param name="en">Feed address: </xsl:with-param>
                </xsl:call-template>
                <code><xsl:value-of select="/atom:feed/atom:link[@rel='self']/@href"/></code>
              </p>
            </xsl:if>
          </div>
          <h1><xsl:value-of select="/atom:feed/atom:title"/></h1>
          <xsl:if test="/atom:feed/atom:subtitle">
            <p><xsl:value-of select="/atom:feed/atom:subtitle"/></p>
          </xsl:if>
          <p>
            <a>
              <xsl:call-template name="safe-href">
                <xsl:with-param name="href" select="/atom:feed/atom:link[@rel='alternate']/@href"/>
              </xsl:call-template>
              <xsl:call-template name="say">
                <xsl:with-param name="hans">前往档案网站</xsl:with-param>
                <xsl:with-param name="hant">前往檔案網站</xsl:with-param>
                <xsl:with-param name="en">Go to the archive</xsl:with-param>
              </xsl:call-template>
            </a>
          </p>
          <h2 class="feed-count">
            <xsl:call-template name="say">
              <xsl:with-param name="hans">新收录的报道（<xsl:value-of select="count(/atom:feed/atom:entry)"/> 篇）</xsl:with-param>
              <xsl:with-param name="hant">新收錄的報道（<xsl:value-of select="count(/atom:feed/atom:entry)"/> 篇）</xsl:with-param>
              <xsl:with-param name="en">Newly archived reports (<xsl:value-of select="count(/atom:feed/atom:entry)"/>)</xsl:with-param>
            </xsl:call-template>
          </h2>
          <ol>
            <xsl:apply-templates select="/atom:feed/atom:entry"/>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li>
      <h3>
        <a>
          <xsl:call-template name="safe-href">
            <xsl:with-param name="href" select="atom:link[@rel='alternate' or not(@rel)][1]/@href"/>
          </xsl:call-template>
          <xsl:value-of select="atom:title"/>
        </a>
      </h3>
      <p class="meta">
        <xsl:variable name="day" select="substring(atom:published | atom:updated[not(../atom:published)], 1, 10)"/>
        <xsl:if test="$day != ''">
          <xsl:call-template name="say">
            <xsl:with-param name="hans">收录于 </xsl:with-param>
            <xsl:with-param name="hant">收錄於 </xsl:with-param>
            <xsl:with-param name="en">Added </xsl:with-param>
          </xsl:call-template>
          <time datetime="{$day}"><xsl:value-of select="$day"/></time>
        </xsl:if>
        <xsl:if test="atom:author/atom:name">
          <xsl:text> · </xsl:text>
          <xsl:for-each select="atom:author/atom:name">
            <xsl:if test="position() &gt; 1">
              <xsl:call-template name="say">
                <xsl:with-param name="hans">、</xsl:with-param>
                <xsl:with-param name="hant">、</xsl:with-param>
                <xsl:with-param name="en">, </xsl:with-param>
              </xsl:call-template>
            </xsl:if>
            <xsl:value-of select="."/>
          </xsl:for-each>
        </xsl:if>
        <xsl:if test="atom:category">
          <xsl:text> · </xsl:text>
          <xsl:for-each select="atom:category">
            <xsl:if test="position() &gt; 1">
              <xsl:call-template name="say">
                <xsl:with-param name="hans">、</xsl:with-param>
                <xsl:with-param name="hant">、</xsl:with-param>
                <xsl:with-param name="en">, </xsl:with-param>
              </xsl:call-template>
            </xsl:if>
            <xsl:choose>
              <xsl:when test="@label"><xsl:value-of select="@label"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="@term"/></xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </xsl:if>
      </p>
      <xsl:if test="atom:summary">
        <p class="summary"><xsl:value-of select="atom:summary"/></p>
      </xsl:if>
    </li>
  </xsl:template>
</xsl:stylesheet>
